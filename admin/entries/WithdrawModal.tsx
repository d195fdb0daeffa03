import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import {
  type EntryView,
  type Takedown,
  WITHDRAW_KIND_LABELS,
  WithdrawByCode,
  WithdrawKind,
  WithdrawRequest,
} from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { FormError, useFormSubmit } from '../common/useFormSubmit.js';
import { call } from '../lib/client.js';
import { TakedownResult } from './TakedownResult.js';

interface Props {
  /** One entry, or null to withdraw by code (every entry with that USCC or ID number). */
  entry: EntryView | null;
  onClose: () => void;
  onDone: (takedowns: Takedown[]) => void;
}

interface Values {
  kind: WithdrawKind;
  reason: string;
  docNo: string;
  code?: string;
}

const KINDS = WithdrawKind.options.map((k) => ({ value: k, label: WITHDRAW_KIND_LABELS[k] }));

type Withdrawal = { send: () => Promise<Takedown[]> } | { invalid: string };
const invalid = (error: z.ZodError): Withdrawal => ({ invalid: error.issues[0]?.message ?? '请检查输入' });

/** What the dialog sends: one entry's withdrawal, or every entry with the code; or why the values are refused. */
function withdrawal(entry: EntryView | null, values: Values): Withdrawal {
  if (entry) {
    const parsed = WithdrawRequest.safeParse(values);
    if (!parsed.success) return invalid(parsed.error);
    const params = { id: entry.id };
    return { send: async () => [await call(routes.entries.withdraw, { params, body: parsed.data })] };
  }
  const parsed = WithdrawByCode.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  return { send: () => call(routes.entries.withdrawByCode, { body: parsed.data }) };
}

/** 撤下: kind, reason and decision number; the entry leaves every screen at once. */
export function WithdrawModal({ entry, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, submit: run } = useFormSubmit(form, ['kind', 'reason', 'docNo', 'code']);
  const [result, setResult] = useState<Takedown[] | null>(null);

  const submit = async (values: Values) => {
    const request = withdrawal(entry, values);
    if ('invalid' in request) {
      setError(request.invalid);
      return;
    }
    await run(async () => {
      const done = await request.send();
      setResult(done);
      onDone(done);
    });
  };

  const footer = result
    ? [
        <Button key="close" type="primary" onClick={onClose}>
          完成
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          loading={busy}
          onClick={() => form.submit()}
          data-testid="withdraw-submit"
        >
          立即撤下
        </Button>,
      ];
  return (
    <Modal
      title={entry ? `撤下：${entry.name}` : '按代码撤下'}
      open
      width={600}
      onCancel={onClose}
      footer={footer}
    >
      {result ? (
        <TakedownResult takedowns={result} />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="撤下后立即从所有大厅屏幕移除，并记入审计日志"
          />
          <FormError error={error} testId="withdraw-error" />
          <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'repair' }}>
            {!entry && (
              <Form.Item
                label="统一社会信用代码或身份证号"
                name="code"
                rules={[{ required: true, whitespace: true, message: '请输入代码' }]}
                extra="身份证号只用于按密钥哈希匹配已有条目，不会被保存或记录"
              >
                <Input maxLength={40} autoComplete="off" data-testid="withdraw-code-input" />
              </Form.Item>
            )}
            <Form.Item label="撤下类型" name="kind" rules={[{ required: true, message: '请选择撤下类型' }]}>
              <Select options={KINDS} data-testid="withdraw-kind-select" />
            </Form.Item>
            <Form.Item
              label="撤下理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请填写撤下理由' }]}
            >
              <Input.TextArea rows={3} maxLength={500} data-testid="withdraw-reason-input" />
            </Form.Item>
            <Form.Item
              label="决定文书号"
              name="docNo"
              rules={[{ required: true, whitespace: true, message: '请填写决定文书号' }]}
              extra="信用修复决定书、异议处理决定书或撤销决定的文号"
            >
              <Input maxLength={200} data-testid="withdraw-docno-input" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
