import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ApiKeyInfo } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { ResourceTable } from '../common/resource/ResourceTable.js';
import type { RowAction } from '../common/resource/types.js';
import { call } from '../lib/client.js';
import { apiKeysQuery } from '../lib/queries.js';
import { formatDateTime } from '../lib/time.js';
import { apiKeyForm, SCOPE_LABELS } from './apiKeyForm.js';

const never = <Typography.Text type="secondary">从未使用</Typography.Text>;

const columns: ColumnsType<ApiKeyInfo> = [
  { title: '名称', dataIndex: 'name' },
  {
    title: '前缀',
    dataIndex: 'prefix',
    render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
  },
  {
    title: '权限',
    dataIndex: 'scopes',
    render: (scopes: ApiKeyInfo['scopes']) => scopes.map((s) => <Tag key={s}>{SCOPE_LABELS[s]}</Tag>),
  },
  { title: '创建时间', dataIndex: 'createdAt', render: (at: number) => formatDateTime(at) },
  {
    title: '最后使用',
    dataIndex: 'lastUsedAt',
    render: (at: number | null) => (at === null ? never : formatDateTime(at)),
  },
  {
    title: '状态',
    key: 'status',
    render: (_, k) =>
      k.revokedAt === null ? (
        <Tag color="success">有效</Tag>
      ) : (
        <Tag>已吊销 {formatDateTime(k.revokedAt)}</Tag>
      ),
  },
];

const revoke: RowAction<ApiKeyInfo> = {
  key: 'revoke',
  label: '吊销',
  testId: 'api-key-revoke',
  danger: true,
  when: (k) => k.revokedAt === null,
  confirm: {
    title: (k) => `吊销「${k.name}」？`,
    description: '使用该密钥的系统将立即无法访问',
    okText: '吊销',
    danger: true,
  },
  run: async (k) => {
    await call(routes.apiKeys.revoke, { params: { id: k.id } });
    return { saved: { ...k, revokedAt: Date.now() }, message: `已吊销「${k.name}」` };
  },
  failTitle: '吊销失败',
};

/** API 密钥 for the platform (e.g. the credit platform's withdrawal push): create, list, revoke. */
export function ApiKeysTab() {
  return (
    <ResourceTable
      variant="tab"
      query={apiKeysQuery}
      columns={columns}
      create={{ label: '新建密钥', testId: 'api-key-create' }}
      form={apiKeyForm}
      actions={[revoke]}
      row={{ testId: 'api-key-row', idAttribute: 'key-id' }}
    />
  );
}
