import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { type Group, type Hall, PairingCode } from '../../core/protocol/rest.js';
import { toApiError } from '../lib/api.js';
import { screensApi } from '../lib/endpoints.js';
import { applyIssues } from '../lib/formErrors.js';
import { presetById } from './labels.js';
import { ScreenFields, type ScreenFieldValues } from './ScreenFields.js';

interface Props {
  open: boolean;
  halls: Hall[];
  groups: Group[];
  onClose: () => void;
  onPaired: (screen: ScreenStatus) => void;
}

type Values = ScreenFieldValues & { code: string };

// Case-insensitive entry: upper-case as typed, drop spaces and dashes people copy from the screen.
const normalizeCode = (value: string | undefined) =>
  (value ?? '')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 6);

/** Claims the code a new screen shows and names it; code errors appear under the code field. */
export function PairScreenModal({ open, halls, groups, onClose, onPaired }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const initial: Partial<Values> = { presetId: 'fhd', hallId: halls.length === 1 ? halls[0]?.id : undefined };

  const submit = async (values: Values) => {
    const preset = presetById(values.presetId);
    if (!preset) return;
    setBusy(true);
    setError(null);
    try {
      const screen = await screensApi.claim({
        code: values.code,
        name: values.name.trim(),
        hallId: values.hallId,
        groupId: values.groupId ?? null,
        ...preset,
      });
      form.resetFields();
      onPaired(screen);
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'code_not_found' || e.code === 'code_expired') {
        form.setFields([{ name: 'code', errors: [e.message] }]);
      } else if (!applyIssues(form, e, ['code', 'name', 'hallId', 'groupId'])) {
        setError(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <Modal
      title="配对新屏幕"
      open={open}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          disabled={halls.length === 0}
          onClick={() => form.submit()}
          data-testid="pair-submit"
        >
          配对
        </Button>,
      ]}
    >
      {halls.length === 0 && (
        <Alert type="warning" showIcon title="还没有大厅：请先在「大厅」页面创建大厅（需系统管理员）" />
      )}
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="pair-error" />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} preserve={false}>
        <Form.Item
          label="配对码"
          name="code"
          normalize={normalizeCode}
          extra="新屏幕开机后显示的 6 位配对码，不区分大小写"
          rules={[
            { required: true, message: '请输入屏幕上显示的配对码' },
            {
              validator: async (_, value: string | undefined) => {
                if (value && !PairingCode.safeParse(value).success) throw new Error('配对码为 6 位字母数字');
              },
            },
          ]}
        >
          <Input
            autoFocus
            autoComplete="off"
            placeholder="例如 7KQ2MX"
            style={{ fontFamily: 'monospace', letterSpacing: 4 }}
            data-testid="pair-code-input"
          />
        </Form.Item>
        <ScreenFields halls={halls} groups={groups} testidPrefix="pair" />
      </Form>
    </Modal>
  );
}
