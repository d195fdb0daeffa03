import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Group } from '../../core/protocol/rest.js';
import { Page } from '../common/Page.js';
import { toApiError } from '../lib/api.js';
import { namesById, removeById, upsertById } from '../lib/collections.js';
import { groupsApi, hallsApi, playlistsApi } from '../lib/endpoints.js';
import { useNotifyError } from '../lib/notify.js';
import { useCan } from '../lib/session.js';
import { useResource } from '../lib/useResource.js';
import { GroupFormModal } from './GroupFormModal.js';

/** Screen groups: readable by every role, edited by system admins. */
export function GroupsPage() {
  const groups = useResource(groupsApi.list);
  const halls = useResource(hallsApi.list);
  const playlists = useResource(playlistsApi.list);
  const canManage = useCan('manage-system');
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const hallNames = namesById(halls.data);
  const playlistNames = namesById(playlists.data);

  const remove = async (group: Group) => {
    try {
      await groupsApi.remove(group.id);
      groups.setData((list) => removeById(list, group.id));
      void message.success(`已删除分组「${group.name}」`);
    } catch (err) {
      const e = toApiError(err);
      if (e.status === 409) modal.error({ title: '无法删除该分组', content: e.message });
      else notifyError(e, '删除失败');
    }
  };

  const reloadAll = () => {
    groups.reload();
    halls.reload();
    playlists.reload();
  };

  const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  const columns = [
    { title: '名称', dataIndex: 'name' },
    { title: '大厅', dataIndex: 'hallId', render: (id: string) => hallNames.get(id) ?? muted('—') },
    {
      title: '默认节目单',
      dataIndex: 'defaultPlaylistId',
      render: (id: string | null) =>
        id ? (playlistNames.get(id) ?? muted('已删除的节目单')) : muted('未设置'),
    },
    { title: '屏幕数', dataIndex: 'screens' },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, group: Group) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(group)}>
                  编辑
                </Button>
                <Popconfirm
                  title={`删除分组「${group.name}」？`}
                  description="分组内仍有屏幕时无法删除"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(group)}
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
      data-testid="group-create"
    >
      新建分组
    </Button>
  );

  return (
    <Page
      title="屏幕分组"
      extra={extra}
      error={groups.error ?? halls.error ?? playlists.error}
      onRetry={reloadAll}
    >
      <Table<Group>
        rowKey="id"
        loading={groups.loading && !groups.data}
        dataSource={groups.data ?? []}
        columns={columns}
        pagination={{ hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty description={canManage ? '还没有分组，点击「新建分组」添加' : '还没有分组'} />,
        }}
      />
      {editing && (
        <GroupFormModal
          group={editing === 'new' ? null : editing}
          halls={halls.data ?? []}
          playlists={playlists.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(group) => {
            groups.setData((list) => upsertById(list, group));
            setEditing(null);
            void message.success('已保存');
          }}
        />
      )}
    </Page>
  );
}
