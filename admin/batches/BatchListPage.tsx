import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { BATCH_STATUS_LABELS, type Batch, type BatchStatus } from '../../core/protocol/credit.js';
import { Page } from '../common/Page.js';
import { clickable, rowAttrs } from '../common/rowAttrs.js';
import { batchesApi, IMPORT_TEMPLATE_URL } from '../lib/endpoints.js';
import { navigate } from '../lib/router.js';
import { useCan } from '../lib/session.js';
import { useResource } from '../lib/useResource.js';
import { batchColumns } from './batchColumns.js';
import { batchPath, IMPORT_PATH } from './paths.js';

type Filter = BatchStatus | 'all';
const STATUSES = Object.keys(BATCH_STATUS_LABELS) as BatchStatus[];
const TABS = [
  { key: 'all', label: '全部' },
  ...STATUSES.map((status) => ({ key: status, label: BATCH_STATUS_LABELS[status] })),
];

/** 名单批次: every batch by status; list editors import new ones from here. */
export function BatchListPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const load = useCallback(() => batchesApi.list(filter === 'all' ? undefined : filter), [filter]);
  const batches = useResource(load);
  const canEdit = useCan('edit-lists');

  const extra = (
    <>
      <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URL} data-testid="import-template-link">
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
    <Page title="名单批次" extra={extra} error={batches.error} onRetry={batches.reload}>
      <Tabs
        activeKey={filter}
        items={TABS}
        onChange={(key) => setFilter(key as Filter)}
        data-testid="batch-status-tabs"
      />
      <Table<Batch>
        rowKey="id"
        loading={batches.loading}
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
