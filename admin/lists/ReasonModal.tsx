import { Alert, type ButtonProps, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { z } from 'zod';
import { type ApiError, toApiError } from '../lib/api.js';
import { refusalTitle } from '../lib/errorActions.js';

interface Props {
  title: string;
  label: string;
  /** Validates the trimmed text; its first issue is shown under the field. */
  schema: z.ZodType<string>;
  okText: string;
  danger?: boolean;
  notice?: ReactNode;
  testId: string;
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
}

/** A modal asking for one text (退回意见, 接受理由, 审核意见) that shows the server's refusal in place. */
export function ReasonModal({
  title,
  label,
  schema,
  okText,
  danger,
  notice,
  testId,
  onSubmit,
  onClose,
}: Props) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const parsed = schema.safeParse(text.trim());
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? '请填写');
      return;
    }
    setInvalid(null);
    setError(null);
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={title}
      open
      okText={okText}
      okButtonProps={{ danger, loading: busy, 'data-testid': `${testId}-submit` } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {notice}
      {error && (
        <Alert
          type="error"
          showIcon
          title={refusalTitle(error.code) ?? '操作失败'}
          description={error.message}
          style={{ marginBottom: 16 }}
          data-testid={`${testId}-error`}
        />
      )}
      <Form layout="vertical">
        <Form.Item label={label} validateStatus={invalid ? 'error' : undefined} help={invalid}>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid={`${testId}-input`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
