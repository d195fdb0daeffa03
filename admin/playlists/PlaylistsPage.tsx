import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Empty, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PlaylistInfo } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { formatDuration } from '../campaigns/labels.js';
import { CreateButton } from '../common/CreateButton.js';
import { Page } from '../common/Page.js';
import { actionsColumn, editOrRun } from '../common/resource/RowActions.js';
import { confirmDelete, editAction } from '../common/resource/types.js';
import { invalidate } from '../lib/cache.js';
import { call } from '../lib/client.js';
import { useRemove } from '../lib/notify.js';
import { itemsQuery, playlistsQuery } from '../lib/queries.js';
import { useCan } from '../lib/session.js';
import { GroupDefaults } from './GroupDefaults.js';
import { ItemsTab } from './ItemsTab.js';
import { PlaylistEditor } from './PlaylistEditor.js';
import { reviewNote } from './sentToReview.js';

const usage = (p: PlaylistInfo) => [
  ...p.usedBy.groups.map((g) => `分组「${g.name}」默认`),
  ...p.usedBy.campaigns.map((c) => `活动「${c.name}」`),
];

/** 节目单: playlists with their editor, the content items they order, and group defaults. */
export function PlaylistsPage() {
  const playlists = useQuery(playlistsQuery);
  const items = useQuery(itemsQuery);
  const client = useQueryClient();
  const canManage = useCan('manage-programs');
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<PlaylistInfo | 'new' | null>(null);

  const removeConfirmed = useRemove();
  const remove = (p: PlaylistInfo) =>
    removeConfirmed({
      remove: () => call(routes.playlists.remove, { params: { id: p.id } }),
      done: `已删除「${p.name}」`,
      refusedTitle: '无法删除该节目单',
      // Items list the playlists they are in.
      after: () => invalidate(client, routes.playlists.list, routes.items.list),
    });

  const columns = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, p: PlaylistInfo) => (
        <>
          {name} {p.role === 'lists' && <Tag color="red">信用名单轮播</Tag>}
        </>
      ),
    },
    { title: '条目', key: 'n', render: (_: unknown, p: PlaylistInfo) => p.entries.length },
    {
      title: '一轮时长',
      key: 'total',
      render: (_: unknown, p: PlaylistInfo) =>
        formatDuration(p.entries.reduce((s, e) => s + e.durationMs, 0)),
    },
    {
      title: '使用',
      key: 'usage',
      render: (_: unknown, p: PlaylistInfo) =>
        usage(p).join('、') || <Typography.Text type="secondary">未使用</Typography.Text>,
    },
    ...(canManage
      ? [
          actionsColumn<PlaylistInfo>(
            [editAction(), { ...confirmDelete(remove), when: (p) => p.role === 'content' }],
            editOrRun<PlaylistInfo>(setEditing),
          ),
        ]
      : []),
  ];

  const list = (
    <Flex vertical gap={16}>
      <Table<PlaylistInfo>
        rowKey="id"
        loading={playlists.isPending}
        dataSource={playlists.data ?? []}
        columns={columns}
        pagination={{ hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="还没有节目单" /> }}
      />
      <GroupDefaults playlists={playlists.data ?? []} canManage={canManage} />
    </Flex>
  );
  const extra = canManage && (
    <CreateButton label="新建节目单" testId="playlist-create" onClick={() => setEditing('new')} />
  );
  return (
    <Page
      title="节目单"
      extra={extra}
      error={playlists.error ?? items.error}
      onRetry={() => {
        void playlists.refetch();
        void items.refetch();
      }}
    >
      <Tabs
        items={[
          { key: 'playlists', label: '节目单', children: list },
          { key: 'items', label: '内容', children: <ItemsTab canManage={canManage} /> },
        ]}
      />
      {editing && (
        <PlaylistEditor
          playlist={editing === 'new' ? null : editing}
          items={items.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(p, edit) => {
            setEditing(null);
            // Items list their playlists; approved campaigns using it went back to review.
            invalidate(
              client,
              routes.playlists.list,
              routes.items.list,
              routes.campaigns.list,
              routes.preview.get,
            );
            const note = edit && reviewNote(edit.sentToReview);
            if (note) modal.info({ title: '已保存', content: note });
            else void message.success(`已保存「${p.name}」`);
          }}
        />
      )}
    </Page>
  );
}
