import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import type { Hall } from '../../core/protocol/rest.js';
import { Page } from '../common/Page.js';
import { toApiError } from '../lib/api.js';
import { removeById, upsertById } from '../lib/collections.js';
import { hallsApi } from '../lib/endpoints.js';
import { useNotifyError } from '../lib/notify.js';
import { useCan } from '../lib/session.js';
import { formatDate } from '../lib/time.js';
import { useResource } from '../lib/useResource.js';
import { HallFormModal } from './HallFormModal.js';
import { formatOpeningHours } from './openingHours.js';

/** Halls: readable by every role, edited by system admins. */
export function HallsPage() {
  const halls = useResource(hallsApi.list);
  const canManage = useCan('manage-system');
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState<Hall | 'new' | null>(null);

  const remove = async (hall: Hall) => {
    try {
      await hallsApi.remove(hall.id);
      halls.setData((list) => removeById(list, hall.id));
      void message.success(`已删除大厅「${hall.name}」`);
    } catch (err) {
      const e = toApiError(err);
      // 409 in_use: the server says which screens or groups still use it.
      if (e.status === 409) modal.error({ title: '无法删除该大厅', content: e.message });
      else notifyError(e, '删除失败');
    }
  };

  const columns = [
    { title: '名称', dataIndex: 'name' },
    { title: '时区', dataIndex: 'timezone' },
    {
      title: '开放时间',
      key: 'openingHours',
      render: (_: unknown, hall: Hall) =>
        hall.openingHours.length
          ? formatOpeningHours(hall.openingHours).map((t) => (
              <div key={t} style={{ whiteSpace: 'nowrap' }}>
                {t}
              </div>
            ))
          : '未设置',
    },
    {
      title: '信用修复窗口说明',
      dataIndex: 'repairWindowText',
      render: (t: string) => t || '—',
    },
    { title: '创建时间', dataIndex: 'createdAt', render: (at: number) => formatDate(at) },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, hall: Hall) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(hall)}>
                  编辑
                </Button>
                <Popconfirm
                  title={`删除大厅「${hall.name}」？`}
                  description="仍有屏幕或分组属于该大厅时无法删除"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(hall)}
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const extra = canManage && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setEditing('new')}
      data-testid="hall-create"
    >
      新建大厅
    </Button>
  );

  return (
    <Page title="大厅" extra={extra} error={halls.error} onRetry={halls.reload}>
      <Table<Hall>
        rowKey="id"
        loading={halls.loading && !halls.data}
        dataSource={halls.data ?? []}
        columns={columns}
        pagination={{ hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty description={canManage ? '还没有大厅，点击「新建大厅」添加' : '还没有大厅'} />,
        }}
      />
      {editing && (
        <HallFormModal
          hall={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(hall) => {
            halls.setData((list) => upsertById(list, hall));
            setEditing(null);
            void message.success('已保存');
          }}
        />
      )}
    </Page>
  );
}
