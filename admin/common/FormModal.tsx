import { Button, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { FormError, useFormSubmit } from './useFormSubmit.js';

interface FormModalProps<V> {
  title: string;
  width?: number;
  /** The record's values when editing, the defaults when creating. */
  initialValues: Partial<V>;
  /** Fields that show the server's issues; any other failure shows above the form. */
  fields: readonly string[];
  /** Sends the values and hands the answer to the page; a throw keeps the dialog open. */
  save: (values: V) => Promise<void>;
  onClose: () => void;
  submitTestId?: string;
  submitText?: string;
  /** Keeps the submit button off, e.g. while something the form needs is missing. */
  submitDisabled?: boolean;
  /** Shown above the error box, e.g. a warning about what saving will do. */
  notice?: ReactNode;
  errorTestId?: string;
  /** Form.Items; they reach the form with Form.useFormInstance. */
  children: ReactNode;
}

/** A create/edit dialog: vertical form, 取消 and a busy submit, the server's error by its field or on top. */
export function FormModal<V extends object>({
  title,
  width,
  initialValues,
  fields,
  save,
  onClose,
  submitTestId,
  submitText = '保存',
  submitDisabled,
  notice,
  errorTestId,
  children,
}: FormModalProps<V>) {
  const [form] = Form.useForm<V>();
  const { busy, error, submit: run } = useFormSubmit(form, fields);
  const submit = (values: V) => void run(() => save(values));

  return (
    <Modal
      title={title}
      open
      width={width}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          disabled={submitDisabled}
          onClick={() => form.submit()}
          data-testid={submitTestId}
        >
          {submitText}
        </Button>,
      ]}
    >
      {notice}
      <FormError error={error} testId={errorTestId} />
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        {children}
      </Form>
    </Modal>
  );
}
