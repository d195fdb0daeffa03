import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiKeyCreate } from '../../core/protocol/credit.js';
import { toApiError } from '../lib/api.js';
import { apiKeysApi } from '../lib/endpoints.js';
import type { ApiKeyWithSecret } from '../lists/creditApi.js';

type Scope = ApiKeyCreate['scopes'][number];
export const SCOPE_LABELS: Record<Scope, string> = { withdraw: '撤下名单', read: '只读' };

interface Props {
  onClose: () => void;
  onCreated: (result: ApiKeyWithSecret) => void;
}

/** Names a new key and picks its scopes; the secret comes back once. */
export function ApiKeyCreateModal({ onClose, onCreated }: Props) {
  const [form] = Form.useForm<ApiKeyCreate>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: ApiKeyCreate) => {
    const parsed = ApiKeyCreate.safeParse(values);
    if (!parsed.success) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await apiKeysApi.create(parsed.data));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="新建 API 密钥"
      open
      okText="创建"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<ApiKeyCreate>
        form={form}
        layout="vertical"
        initialValues={{ name: '', scopes: ['withdraw'] }}
        onFinish={submit}
      >
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
          extra="用于识别调用方，例如：市信用平台撤下推送"
        >
          <Input maxLength={100} data-testid="api-key-name-input" />
        </Form.Item>
        <Form.Item
          label="权限"
          name="scopes"
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择一项权限' }]}
        >
          <Checkbox.Group
            options={ApiKeyCreate.shape.scopes.element.options.map((s) => ({
              value: s,
              label: SCOPE_LABELS[s],
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
