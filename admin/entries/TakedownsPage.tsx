import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback } from 'react';
import { type Takedown, WITHDRAW_KIND_LABELS } from '../../core/protocol/credit.js';
import { Page } from '../common/Page.js';
import { clickable, rowAttrs } from '../common/rowAttrs.js';
import { takedownsApi } from '../lib/endpoints.js';
import { navigate, useRoute } from '../lib/router.js';
import { formatDateTime } from '../lib/time.js';
import { usePaged } from '../lists/usePaged.js';
import { ConfirmedBar } from './ConfirmedBar.js';
import { TakedownDetailPage } from './TakedownDetailPage.js';
import { TAKEDOWNS_PATH, takedownPath } from './takedownPaths.js';

const columns: ColumnsType<Takedown> = [
  { title: '时间', dataIndex: 'requestedAt', render: (at: number) => formatDateTime(at) },
  { title: '条目', dataIndex: 'entryName' },
  { title: '类别', dataIndex: 'categoryName' },
  { title: '类型', dataIndex: 'kind', render: (kind: Takedown['kind']) => WITHDRAW_KIND_LABELS[kind] },
  { title: '决定文书号', dataIndex: 'docNo' },
  { title: '理由', dataIndex: 'reason', ellipsis: true },
  { title: '屏幕确认', key: 'confirmed', render: (_, t) => <ConfirmedBar takedown={t} /> },
];

// The list answers a plain array: one more row than shown means there is a next page.
const loadPage = (page: { offset: number; limit: number }) =>
  takedownsApi.list({ offset: page.offset, limit: page.limit + 1 }).then((rows) => ({
    total: page.offset + rows.length,
    items: rows.slice(0, page.limit),
  }));

function TakedownList() {
  const takedowns = usePaged<Takedown>(useCallback(loadPage, []));
  return (
    <Page title="撤下记录" error={takedowns.error} onRetry={takedowns.reload}>
      <Table<Takedown>
        rowKey="id"
        loading={takedowns.loading}
        dataSource={takedowns.items}
        columns={columns}
        pagination={{ ...takedowns.pagination, showTotal: undefined }}
        locale={{ emptyText: <Empty description="还没有撤下记录" /> }}
        onRow={(t) =>
          rowAttrs(
            'takedown-row',
            { 'takedown-id': t.id },
            clickable(() => navigate(takedownPath(t.id))),
          )
        }
        scroll={{ x: 'max-content' }}
      />
    </Page>
  );
}

/** 撤下记录 (#/takedowns) and one takedown's per-screen report (#/takedowns/:id). */
export function TakedownsPage() {
  const route = useRoute();
  const id = route.startsWith(`${TAKEDOWNS_PATH}/`)
    ? decodeURIComponent(route.slice(TAKEDOWNS_PATH.length + 1))
    : '';
  return id ? <TakedownDetailPage key={id} takedownId={id} /> : <TakedownList />;
}
