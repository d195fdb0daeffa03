import { Alert, Form, Input } from 'antd';
import type { Batch, EntryView } from '../../core/protocol/credit.js';
import { FormModal } from '../common/FormModal.js';
import { entriesApi } from '../lib/endpoints.js';
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
  const save = async (values: Values) => {
    const body = {
      ...entryEditDiff(entry, values),
      correctionReason: values.correctionReason.trim(),
      correctionDocNo: values.correctionDocNo.trim(),
    };
    onCorrected(await entriesApi.correct(entry.id, body));
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
