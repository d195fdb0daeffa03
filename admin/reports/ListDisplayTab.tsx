import { DownloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Select, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { ListDisplayRow } from '../../core/protocol/operations.js';
import { formatMs } from '../dashboard/format.js';
import { reportsApi } from '../dashboard/operationsApi.js';
import { batchesApi } from '../lib/endpoints.js';
import { formatDateTime } from '../lib/time.js';
import { useResource } from '../lib/useResource.js';

const loadBatches = () => batchesApi.list();

/** 名单展示证明: for a batch, per entry and per screen, the time it was visible inside its window. */
export function ListDisplayTab() {
  const batches = useResource(loadBatches);
  const [batchId, setBatchId] = useState<string | undefined>();
  const load = useCallback(
    () => (batchId ? reportsApi.listDisplay(batchId) : Promise.resolve(null)),
    [batchId],
  );
  const proof = useResource(load);
  const published = (batches.data ?? []).filter((b) => b.status === 'published' || b.status === 'archived');
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="选择已发布的名单批次"
          style={{ width: 420 }}
          value={batchId}
          onChange={setBatchId}
          data-testid="list-display-batch"
          options={published.map((b) => ({ value: b.id, label: `${b.title}（${b.categoryName}）` }))}
        />
        {batchId && (
          <Button icon={<DownloadOutlined />} href={reportsApi.listDisplayXlsx(batchId)}>
            导出 Excel
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">
        只计算每条记录公示期内的展示时间（来自屏幕上报的播放记录中每条记录的可见时长）。
      </Typography.Text>
      {!batchId ? (
        <Empty description="请选择一个批次" />
      ) : (
        <Table<ListDisplayRow>
          size="small"
          rowKey={(r) => `${r.entryId}:${r.screenId ?? ''}`}
          loading={proof.loading}
          dataSource={proof.data?.rows ?? []}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '主体名称', dataIndex: 'entryName' },
            { title: '代码', dataIndex: 'code' },
            { title: '公示期', key: 'window', render: (_, r) => `${r.publishFrom} 至 ${r.publishUntil}` },
            {
              title: '屏幕',
              dataIndex: 'screenName',
              render: (n: string | null, r) =>
                n ? `${r.hallName} · ${n}` : <Typography.Text type="warning">未展示</Typography.Text>,
            },
            {
              title: '展示时长',
              dataIndex: 'visibleMs',
              render: (ms: number) => formatMs(ms),
              sorter: (a, b) => a.visibleMs - b.visibleMs,
            },
            { title: '次数', dataIndex: 'plays' },
            {
              title: '最后展示',
              dataIndex: 'lastAt',
              render: (t: number | null) => (t ? formatDateTime(t) : '—'),
            },
          ]}
        />
      )}
    </Flex>
  );
}
