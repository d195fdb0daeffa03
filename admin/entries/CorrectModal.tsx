import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Batch, EntryView } from '../../core/protocol/credit.js';
import { toApiError } from '../lib/api.js';
import { entriesApi } from '../lib/endpoints.js';
import { applyIssues } from '../lib/formErrors.js';
import { EntryFields } from '../lists/EntryFields.js';
import { type EntryFormValues, entryEditDiff, entryFormValues } from '../lists/entryForm.js';

interface Props {
  entry: EntryView;
  onClose: () => void;
  onCorrected: (batch: Batch) => void;
}

type Values = EntryFormValues & { correctionReason: string; correctionDocNo: string };

/** 更正: the old version leaves the screens at once; the corrected one waits in a draft batch for review. */
export function CorrectModal({ entry, onClose, onCorrected }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    const body = {
      ...entryEditDiff(entry, values),
      correctionReason: values.correctionReason.trim(),
      correctionDocNo: values.correctionDocNo.trim(),
    };
    setBusy(true);
    setError(null);
    try {
      onCorrected(await entriesApi.correct(entry.id, body));
    } catch (err) {
      const e = toApiError(err);
      if (
        !applyIssues(form, e, [
          'name',
          'legalRep',
          'reason',
          'basis',
          'docNo',
          'authority',
          'decisionDate',
          'severity',
        ])
      ) {
        setError(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`更正：${entry.name}`}
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
          data-testid="correct-submit"
        >
          提交更正
        </Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="提交后原条目立即从所有屏幕撤下；更正后的条目进入草稿批次，经提交、审核、发布后才会显示"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ...entryFormValues(entry), correctionReason: '', correctionDocNo: '' }}
      >
        <Form.Item
          label="更正理由"
          name="correctionReason"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写更正理由' }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="correct-reason-input" />
        </Form.Item>
        <Form.Item
          label="更正依据文号"
          name="correctionDocNo"
          rules={[{ required: true, whitespace: true, message: '请填写更正依据文号' }]}
        >
          <Input maxLength={200} data-testid="correct-docno-input" />
        </Form.Item>
        <EntryFields listType={entry.listType} />
      </Form>
    </Modal>
  );
}
