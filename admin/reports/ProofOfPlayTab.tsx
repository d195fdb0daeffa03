import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Radio, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  PLAY_GROUPING_LABELS,
  type PlayGrouping,
  type ProofOfPlayRow,
} from '../../core/protocol/operations.js';
import type { RouteQueryInput } from '../../core/protocol/route.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { FilterSelect } from '../common/FilterSelect.js';
import { formatMs } from '../dashboard/format.js';
import { hrefOf, routeQuery } from '../lib/client.js';
import { hallsQuery } from '../lib/queries.js';
import { formatDateTime } from '../lib/time.js';

type PlayQuery = RouteQueryInput<typeof routes.reports.proofOfPlay>;

/** 播放证明: plays and time on screen by screen, hall, campaign or list, over a date range; xlsx. */
export function ProofOfPlayTab() {
  const [by, setBy] = useState<PlayGrouping>('screen');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(6, 'day'), dayjs()]);
  const [hallId, setHallId] = useState<string | undefined>();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const halls = useQuery(hallsQuery);
  const campaigns = useQuery(routeQuery(routes.campaigns.list));
  const q: PlayQuery = {
    by,
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
    ...(hallId ? { hallId } : {}),
    ...(campaignId ? { campaignId } : {}),
  };
  // The rows of the previous choice stay on screen while the next arrive (the table shows it loads).
  const report = useQuery({
    ...routeQuery(routes.reports.proofOfPlay, { query: q }),
    placeholderData: keepPreviousData,
  });
  const name = PLAY_GROUPING_LABELS[by].replace('按', '');
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Radio.Group
          value={by}
          onChange={(e) => setBy(e.target.value)}
          optionType="button"
          options={Object.entries(PLAY_GROUPING_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <FilterSelect
          placeholder="全部大厅"
          width={180}
          value={hallId}
          onChange={setHallId}
          items={halls.data ?? []}
        />
        <FilterSelect
          placeholder="全部宣传活动"
          width={200}
          value={campaignId}
          onChange={setCampaignId}
          items={campaigns.data ?? []}
        />
        <Button
          icon={<DownloadOutlined />}
          href={hrefOf(routes.reports.proofOfPlayExport, { query: q })}
          data-testid="pop-export"
        >
          导出 Excel
        </Button>
      </Flex>
      {report.error && <Typography.Text type="danger">{report.error.message}</Typography.Text>}
      <Table<ProofOfPlayRow>
        size="small"
        rowKey="key"
        loading={report.isFetching}
        dataSource={report.data?.rows ?? []}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: name, dataIndex: 'name' },
          ...(by === 'screen' ? [{ title: '大厅', dataIndex: 'hallName' }] : []),
          { title: '播放次数', dataIndex: 'plays', sorter: (a, b) => a.plays - b.plays },
          {
            title: '播放时长',
            dataIndex: 'playedMs',
            render: (ms: number) => formatMs(ms),
            sorter: (a, b) => a.playedMs - b.playedMs,
          },
          ...(by === 'screen' ? [] : [{ title: '屏幕数', dataIndex: 'screens' }]),
          {
            title: '首次',
            dataIndex: 'firstAt',
            render: (t: number | null) => (t ? formatDateTime(t) : '—'),
          },
          { title: '最后', dataIndex: 'lastAt', render: (t: number | null) => (t ? formatDateTime(t) : '—') },
        ]}
        summary={() =>
          report.data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} colSpan={6}>
                {report.data.totals.plays} 次 · {formatMs(report.data.totals.playedMs)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Flex>
  );
}
