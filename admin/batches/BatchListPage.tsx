import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Table, Tabs } from 'antd';
import { useState } from 'react';
import { BATCH_STATUS_LABELS, type Batch, type BatchStatus } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { Page } from '../common/Page.js';
import { clickable, rowAttrs } from '../common/rowAttrs.js';
import { hrefOf, routeQuery } from '../lib/client.js';
import { navigate } from '../lib/router.js';
import { useCan } from '../lib/session.js';
import { batchColumns } from './batchColumns.js';
import { batchPath, IMPORT_PATH } from './paths.js';

type Filter = BatchStatus | 'all';
const STATUSES = Object.keys(BATCH_STATUS_LABELS) as BatchStatus[];
const TEMPLATE_HREF = hrefOf(routes.imports.template);
const TABS = [
  { key: 'all', label: '全部' },
  ...STATUSES.map((status) => ({ key: status, label: BATCH_STATUS_LABELS[status] })),
];

/** 名单批次: every batch by status; list editors import new ones from here. */
export function BatchListPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const status = filter === 'all' ? undefined : filter;
  // The tab's previous rows stay until the next tab's arrive, as the paged lists do.
  const batches = useQuery({
    ...routeQuery(routes.batches.list, { query: { status } }),
    placeholderData: keepPreviousData,
  });
  const canEdit = useCan('edit-lists');

  const extra = (
    <>
      <Button icon={<DownloadOutlined />} href={TEMPLATE_HREF} data-testid="import-template-link">
        下载导入模板
      </Button>
      {canEdit && (
        <Button
          type="primary"
          icon={<UploadOutlined />}
          onClick={() => navigate(IMPORT_PATH)}
          data-testid="import-button"
        >
          导入名单
        </Button>
      )}
    </>
  );
  const empty = canEdit ? '还没有名单批次。点击「导入名单」上传成员单位报送的表格' : '还没有名单批次';

  return (
    <Page title="名单批次" extra={extra} error={batches.error} onRetry={() => void batches.refetch()}>
      <Tabs
        activeKey={filter}
        items={TABS}
        onChange={(key) => setFilter(key as Filter)}
        data-testid="batch-status-tabs"
      />
      <Table<Batch>
        rowKey="id"
        loading={batches.isFetching}
        dataSource={batches.data ?? []}
        columns={batchColumns()}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={empty} /> }}
        onRow={(batch) =>
          rowAttrs(
            'batch-row',
            { 'batch-id': batch.id, status: batch.status },
            clickable((e) => {
              if (!(e.target as HTMLElement).closest('a')) navigate(batchPath(batch.id));
            }),
          )
        }
        scroll={{ x: 'max-content' }}
      />
    </Page>
  );
}
