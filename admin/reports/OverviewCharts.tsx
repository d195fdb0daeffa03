import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row } from 'antd';
import type { EChartsOption } from 'echarts';
import type { PlaysPerDay, UptimeByHall } from '../../core/protocol/operations.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { routeQuery } from '../lib/client.js';
import { Chart } from './Chart.js';

const short = (date: string) => date.slice(5).replace('-', '/');

export function uptimeOption(u: UptimeByHall): EChartsOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '无数据' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: u.days.map(short) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: u.halls.map((h) => ({
      name: h.hallName,
      type: 'line',
      connectNulls: false,
      data: h.days.map((d) => (d.ratio === null ? null : Math.round(d.ratio * 1000) / 10)),
    })),
  };
}

export function playsOption(p: PlaysPerDay): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: p.days.map(short) },
    yAxis: { type: 'value', minInterval: 1 },
    series: p.halls.map((h) => ({ name: h.hallName, type: 'bar', stack: 'plays', data: h.plays })),
  };
}

/** 近 7 天：各大厅开放时间内的在线率，以及每日播放次数。 */
export function OverviewCharts() {
  const uptime = useQuery(routeQuery(routes.reports.uptime, { query: { days: 7 } }));
  const plays = useQuery(routeQuery(routes.reports.playsPerDay, { query: { days: 7 } }));
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card size="small" title="在线率（开放时间内，近 7 天）">
          {uptime.data ? (
            <Chart option={uptimeOption(uptime.data)} testId="chart-uptime" />
          ) : (
            <Empty description={uptime.error?.message ?? '加载中…'} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="每日播放次数（近 7 天）">
          {plays.data ? (
            <Chart option={playsOption(plays.data)} testId="chart-plays" />
          ) : (
            <Empty description={plays.error?.message ?? '加载中…'} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
