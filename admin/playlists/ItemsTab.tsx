import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ItemInfo } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { formatDuration } from '../campaigns/labels.js';
import { actionsColumn, editOrRun } from '../common/resource/RowActions.js';
import { confirmDelete, editAction } from '../common/resource/types.js';
import { invalidate } from '../lib/cache.js';
import { call } from '../lib/client.js';
import { useRemove } from '../lib/notify.js';
import { categoriesQuery, itemsQuery, mediaQuery } from '../lib/queries.js';
import { KIND_LABELS } from '../screens/labels.js';
import { ItemFormModal } from './ItemFormModal.js';
import { reviewNote } from './sentToReview.js';

/** 内容: every item (list boards, images, videos, notices, tickers, clocks) and where it is used. */
export function ItemsTab({ canManage }: { canManage: boolean }) {
  const items = useQuery(itemsQuery);
  const media = useQuery(mediaQuery);
  const categories = useQuery(categoriesQuery);
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<ItemInfo | 'new' | null>(null);

  const removeConfirmed = useRemove();
  const remove = (item: ItemInfo) =>
    removeConfirmed({
      remove: () => call(routes.items.remove, { params: { id: item.id } }),
      done: `已删除「${item.name}」`,
      refusedTitle: '无法删除该内容',
      // Media files list the items that use them.
      after: () => invalidate(client, routes.items.list, routes.media.list),
    });

  const columns = [
    { title: '名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'kind', render: (k: string) => <Tag>{KIND_LABELS[k] ?? k}</Tag> },
    { title: '时长', dataIndex: 'durationMs', render: (ms: number) => formatDuration(ms) },
    {
      title: '所在节目单',
      dataIndex: 'usedBy',
      render: (refs: ItemInfo['usedBy']) =>
        refs.length ? (
          refs.map((r) => r.name).join('、')
        ) : (
          <Typography.Text type="secondary">未使用</Typography.Text>
        ),
    },
    ...(canManage
      ? [actionsColumn<ItemInfo>([editAction(), confirmDelete(remove)], editOrRun<ItemInfo>(setEditing))]
      : []),
  ];
  return (
    <Flex vertical gap={12}>
      {canManage && (
        <Flex justify="flex-end">
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="item-create">
            新建内容
          </Button>
        </Flex>
      )}
      <Table<ItemInfo>
        rowKey="id"
        loading={items.isPending}
        dataSource={items.data ?? []}
        columns={columns}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="还没有内容" /> }}
      />
      {editing && (
        <ItemFormModal
          item={editing === 'new' ? null : editing}
          media={media.data?.media ?? []}
          categories={categories.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(item, edit) => {
            setEditing(null);
            // Media list their items; approved campaigns playing it went back to review.
            invalidate(
              client,
              routes.items.list,
              routes.media.list,
              routes.campaigns.list,
              routes.preview.get,
            );
            const note = edit && reviewNote(edit.sentToReview);
            if (note) modal.info({ title: '已保存', content: note });
            else void message.success(`已保存「${item.name}」`);
          }}
        />
      )}
    </Flex>
  );
}
