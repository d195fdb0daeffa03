import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import type { ApiKeyInfo } from '../../core/protocol/credit.js';
import { upsertById } from '../lib/collections.js';
import { apiKeysApi } from '../lib/endpoints.js';
import { useNotifyError } from '../lib/notify.js';
import { formatDateTime } from '../lib/time.js';
import { useResource } from '../lib/useResource.js';
import type { ApiKeyWithSecret } from '../lists/creditApi.js';
import { ApiKeyCreateModal, SCOPE_LABELS } from './ApiKeyCreateModal.js';
import { ApiKeySecretModal } from './ApiKeySecretModal.js';

const never = <Typography.Text type="secondary">从未使用</Typography.Text>;

/** API 密钥 for the platform (e.g. the credit platform's withdrawal push): create, list, revoke. */
export function ApiKeysTab() {
  const keys = useResource(apiKeysApi.list);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyWithSecret | null>(null);

  const revoke = async (key: ApiKeyInfo) => {
    try {
      await apiKeysApi.revoke(key.id);
      keys.setData((list) => upsertById(list, { ...key, revokedAt: Date.now() }));
      void message.success(`已吊销「${key.name}」`);
    } catch (err) {
      notifyError(err, '吊销失败');
    }
  };

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
    {
      title: '操作',
      key: 'actions',
      render: (_, k) =>
        k.revokedAt === null && (
          <Popconfirm
            title={`吊销「${k.name}」？`}
            description="使用该密钥的系统将立即无法访问"
            okText="吊销"
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(k)}
          >
            <Button type="link" size="small" danger data-testid="api-key-revoke">
              吊销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      {keys.error && <Alert type="error" showIcon title={keys.error.message} />}
      <Flex>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="api-key-create"
        >
          新建密钥
        </Button>
      </Flex>
      <Table<ApiKeyInfo>
        rowKey="id"
        size="small"
        loading={keys.loading}
        dataSource={keys.data ?? []}
        columns={columns}
        pagination={false}
        onRow={(k) => ({ 'data-testid': 'api-key-row', 'data-key-id': k.id }) as HTMLAttributes<HTMLElement>}
      />
      {creating && (
        <ApiKeyCreateModal
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            keys.setData((list) => upsertById(list, result.key));
            setCreating(false);
            setCreated(result);
          }}
        />
      )}
      {created && <ApiKeySecretModal result={created} onClose={() => setCreated(null)} />}
    </Flex>
  );
}
