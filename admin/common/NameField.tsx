import { Form, Input } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  /** Shown when left empty, e.g. 请输入大厅名称. */
  message: string;
  placeholder?: string;
  extra?: ReactNode;
  testId: string;
}

/** The 名称 field of a form: required, not only spaces, at most 100 characters. */
export function NameField({ message, placeholder, extra, testId }: Props) {
  return (
    <Form.Item label="名称" name="name" extra={extra} rules={[{ required: true, whitespace: true, message }]}>
      <Input maxLength={100} placeholder={placeholder} data-testid={testId} />
    </Form.Item>
  );
}
