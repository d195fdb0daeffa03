import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ListDisplayRow } from '../../core/protocol/operations.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { formatMs } from '../dashboard/format.js';
import { hrefOf, routeQuery } from '../lib/client.js';
import { formatDateTime } from '../lib/time.js';

/** 名单展示证明: for a batch, per entry and per screen, the time it was visible inside its window. */
export function ListDisplayTab() {
  const batches = useQuery(routeQuery(routes.batches.list));
  const [batchId, setBatchId] = useState<string | undefined>();
  const proof = useQuery({
    ...routeQuery(routes.reports.listDisplay, { params: { batchId: batchId ?? '' } }),
    enabled: batchId !== undefined,
  });
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
          <Button
            icon={<DownloadOutlined />}
            href={hrefOf(routes.reports.listDisplayExport, { params: { batchId } })}
          >
            导出 Excel
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">
        只计算每条记录公示期内的展示时间（来自屏幕上报的播放记录中每条记录的可见时长）。
      </Typography.Text>
      {proof.error && <Typography.Text type="danger">{proof.error.message}</Typography.Text>}
      {!batchId ? (
        <Empty description="请选择一个批次" />
      ) : (
        <Table<ListDisplayRow>
          size="small"
          rowKey={(r) => `${r.entryId}:${r.screenId ?? ''}`}
          loading={proof.isFetching}
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
