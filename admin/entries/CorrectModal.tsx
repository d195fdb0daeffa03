import { Alert, Form, Input } from 'antd';
import type { BatchDetail, CorrectRequest, EntryView } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { FormModal } from '../common/FormModal.js';
import { call } from '../lib/client.js';
import { EntryFields } from '../lists/EntryFields.js';
import { type EntryFormValues, entryEditDiff, entryFormValues } from '../lists/entryForm.js';

interface Props {
  entry: EntryView;
  onClose: () => void;
  onCorrected: (batch: BatchDetail) => void;
}

type Values = EntryFormValues & Pick<CorrectRequest, 'correctionReason' | 'correctionDocNo'>;

/** 更正: the old version leaves the screens at once; the corrected one waits in a draft batch for review. */
export function CorrectModal({ entry, onClose, onCorrected }: Props) {
  const save = async (values: Values) => {
    const body: CorrectRequest = {
      ...entryEditDiff(entry, values),
      correctionReason: values.correctionReason.trim(),
      correctionDocNo: values.correctionDocNo.trim(),
    };
    onCorrected(await call(routes.entries.correct, { params: { id: entry.id }, body }));
  };

  return (
    <FormModal<Values>
      title={`更正：${entry.name}`}
      width={720}
      initialValues={{ ...entryFormValues(entry), correctionReason: '', correctionDocNo: '' }}
      fields={['name', 'legalRep', 'reason', 'basis', 'docNo', 'authority', 'decisionDate', 'severity']}
      save={save}
      onClose={onClose}
      submitTestId="correct-submit"
      submitText="提交更正"
      notice={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="提交后原条目立即从所有屏幕撤下；更正后的条目进入草稿批次，经提交、审核、发布后才会显示"
        />
      }
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
    </FormModal>
  );
}
