import { Alert } from 'antd';
import type { BatchStatus, EntryView } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { FormModal } from '../common/FormModal.js';
import { call } from '../lib/client.js';
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
  const save = async (values: EntryFormValues) => {
    const edit = entryEditDiff(entry, values);
    if (Object.keys(edit).length === 0) {
      onClose();
      return;
    }
    const params = { id: entry.batchId, entryId: entry.id };
    onSaved(await call(routes.batches.editEntry, { params, body: edit }));
  };

  return (
    <FormModal<EntryFormValues>
      title={`编辑条目：第 ${entry.rowNumber ?? '—'} 行`}
      width={720}
      initialValues={entryFormValues(entry)}
      fields={[...FIELDS, 'publishFrom', 'publishUntil']}
      save={save}
      onClose={onClose}
      submitTestId="entry-edit-submit"
      notice={
        batchStatus === 'submitted' && (
          <Alert
            type="warning"
            showIcon
            title="本批次已提交审核：保存修改后批次将退回草稿，需要重新提交审核"
            style={{ marginBottom: 16 }}
            data-testid="entry-edit-resubmit-warning"
          />
        )
      }
    >
      <EntryFields listType={entry.listType} />
    </FormModal>
  );
}
