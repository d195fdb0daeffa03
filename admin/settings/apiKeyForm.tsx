import { Checkbox, Form } from 'antd';
import { ApiKeyCreate, type ApiKeyInfo } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { NameField } from '../common/NameField.js';
import type { FormSpec } from '../common/resource/types.js';
import { call } from '../lib/client.js';
import { ApiKeySecretModal } from './ApiKeySecretModal.js';

type Scope = ApiKeyCreate['scopes'][number];
export const SCOPE_LABELS: Record<Scope, string> = { withdraw: '撤下名单', read: '只读' };

const SCOPE_OPTIONS = ApiKeyCreate.shape.scopes.element.options.map((s) => ({
  value: s,
  label: SCOPE_LABELS[s],
}));

/** Names a new key and picks its scopes; the secret comes back once. */
export const apiKeyForm: FormSpec<ApiKeyInfo, ApiKeyCreate> = {
  title: () => '新建 API 密钥',
  initialValues: () => ({ name: '', scopes: ['withdraw'] }),
  fields: ['name', 'scopes'],
  submitTestId: 'api-key-submit',
  submitText: () => '创建',
  items: () => <ApiKeyFields />,
  save: async (values) => {
    const parsed = ApiKeyCreate.safeParse(values);
    if (!parsed.success) return null;
    const result = await call(routes.apiKeys.create, { body: parsed.data });
    return { saved: result.key, reveal: (close) => <ApiKeySecretModal result={result} onClose={close} /> };
  },
};

function ApiKeyFields() {
  return (
    <>
      <NameField
        message="请输入名称"
        extra="用于识别调用方，例如：市信用平台撤下推送"
        testId="api-key-name-input"
      />
      <Form.Item
        label="权限"
        name="scopes"
        rules={[{ required: true, type: 'array', min: 1, message: '至少选择一项权限' }]}
      >
        <Checkbox.Group options={SCOPE_OPTIONS} />
      </Form.Item>
    </>
  );
}
