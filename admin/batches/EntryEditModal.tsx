import { Alert, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import type { BatchStatus, EntryView } from '../../core/protocol/credit.js';
import { toApiError } from '../lib/api.js';
import { batchesApi } from '../lib/endpoints.js';
import { applyIssues } from '../lib/formErrors.js';
import { EntryFields } from '../lists/EntryFields.js';
import { type EntryFormValues, entryEditDiff, entryFormValues } from '../lists/entryForm.js';

interface Props {
  entry: EntryView;
  batchStatus: BatchStatus;
  onClose: () => void;
  onSaved: (entry: EntryView) => void;
}

const FIELDS = ['name', 'legalRep', 'reason', 'basis', 'docNo', 'authority', 'decisionDate', 'severity'];

/** Edits one entry of a draft or submitted batch; sends only what changed. */
export function EntryEditModal({ entry, batchStatus, onClose, onSaved }: Props) {
  const [form] = Form.useForm<EntryFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: EntryFormValues) => {
    const edit = entryEditDiff(entry, values);
    if (Object.keys(edit).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await batchesApi.editEntry(entry.batchId, entry.id, edit));
    } catch (err) {
      const e = toApiError(err);
      if (!applyIssues(form, e, [...FIELDS, 'publishFrom', 'publishUntil'])) setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`编辑条目：第 ${entry.rowNumber ?? '—'} 行`}
      open
      width={720}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={busy}
          onClick={() => form.submit()}
          data-testid="entry-edit-submit"
        >
          保存
        </Button>,
      ]}
    >
      {batchStatus === 'submitted' && (
        <Alert
          type="warning"
          showIcon
          title="本批次已提交审核：保存修改后批次将退回草稿，需要重新提交审核"
          style={{ marginBottom: 16 }}
          data-testid="entry-edit-resubmit-warning"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<EntryFormValues>
        form={form}
        layout="vertical"
        initialValues={entryFormValues(entry)}
        onFinish={submit}
      >
        <EntryFields listType={entry.listType} />
      </Form>
    </Modal>
  );
}
