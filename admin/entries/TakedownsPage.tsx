import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type Takedown, WITHDRAW_KIND_LABELS } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { Page } from '../common/Page.js';
import { clickable, rowAttrs } from '../common/rowAttrs.js';
import { routeQuery } from '../lib/client.js';
import { navigate, useRoute } from '../lib/router.js';
import { formatDateTime } from '../lib/time.js';
import { useTablePage } from '../lists/tablePage.js';
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

function TakedownList() {
  const page = useTablePage();
  const { offset, limit } = page.query;
  // The list answers a plain array: one more row than shown means there is a next page.
  const takedowns = useQuery({
    ...routeQuery(routes.takedowns.list, { query: { offset, limit: limit + 1 } }),
    placeholderData: keepPreviousData,
  });
  const rows = takedowns.data ?? [];
  return (
    <Page title="撤下记录" error={takedowns.error} onRetry={() => void takedowns.refetch()}>
      <Table<Takedown>
        rowKey="id"
        loading={takedowns.isFetching}
        dataSource={rows.slice(0, limit)}
        columns={columns}
        pagination={{ ...page.pagination(offset + rows.length), showTotal: undefined }}
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
