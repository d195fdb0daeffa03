import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, List, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ENGINE_FLOOR, type ScreenStatus } from '../../core/protocol/events.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { routeQuery } from '../lib/client.js';
import { formatDateTime } from '../lib/time.js';

const REASONS = {
  engine_too_old: { label: '内核版本过低', color: 'red' },
  start_timeout: { label: '启动超时', color: 'orange' },
  start_failed: { label: '启动出错', color: 'orange' },
} as const;

interface EngineRow {
  key: string;
  label: string;
  major: number | null;
  below: boolean;
  screens: ScreenStatus[];
}

/**
 * 播放端内核: screens by the engine they said hello with, the oldest first (from the dashboard's
 * own read); the boot reports of boxes that could not start, read only when opened (the
 * dashboard is live, it does not poll).
 */
export function EnginesPanel({ screens }: { screens: ScreenStatus[] }) {
  const [open, setOpen] = useState(false);
  const rows = useMemo(() => engineRows(screens), [screens]);
  return (
    <Card
      title="播放端内核"
      size="small"
      data-testid="engines-panel"
      extra={
        <Button size="small" onClick={() => setOpen(true)} data-testid="boot-reports-open">
          无法启动的设备
        </Button>
      }
    >
      <Table<EngineRow>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        locale={{ emptyText: '还没有屏幕报告内核版本' }}
        columns={[
          {
            title: '内核',
            dataIndex: 'label',
            render: (label: string, r) => (
              <span data-testid="engine-row" data-engine-major={r.major ?? ''}>
                {label} {r.below && <Tag color="red">低于 Chromium {ENGINE_FLOOR}</Tag>}
              </span>
            ),
          },
          { title: '屏幕数', render: (_, r) => r.screens.length },
          { title: '屏幕', render: (_, r) => r.screens.map((s) => s.name).join('、') },
        ]}
      />
      <Drawer title="无法启动播放端的设备" open={open} onClose={() => setOpen(false)} size="large">
        {open && <BootReports />}
      </Drawer>
    </Card>
  );
}

/** The newest boot reports: boxes whose engine is below the floor or whose app did not start. */
function BootReports() {
  const reports = useQuery(routeQuery(routes.bootReports.list, { query: { limit: 50 } }));
  if ((reports.data ?? []).length === 0)
    return (
      <Empty description={reports.isLoading ? '加载中…' : '没有报告'} image={Empty.PRESENTED_IMAGE_SIMPLE} />
    );
  return (
    <>
      <Typography.Paragraph type="secondary">
        这些设备运行播放页时由启动守护上报（设备无法配对）。处理方法见 docs/android-boxes.md：升级 WebView
        或更换设备。
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={reports.data}
        renderItem={(r) => (
          <List.Item data-testid="boot-report">
            <Tag color={REASONS[r.reason].color}>{REASONS[r.reason].label}</Tag>
            {r.engine.major === null ? '未知内核' : `Chromium ${r.engine.major}`}
            {r.engine.android !== null && ` · Android ${r.engine.android}`} · {r.ip} ·{' '}
            {formatDateTime(r.receivedAt)}
            {r.errors[0] && <Typography.Text type="danger"> {r.errors[0]}</Typography.Text>}
          </List.Item>
        )}
      />
    </>
  );
}

/** Screens grouped by engine and major version, the oldest (the ones to replace) first. */
export function engineRows(screens: ScreenStatus[]): EngineRow[] {
  const by = new Map<string, EngineRow>();
  for (const s of screens) {
    const e = s.engine ?? null;
    const key = e ? `${e.name}:${e.major ?? '?'}` : 'unknown';
    const label = !e
      ? '未报告'
      : e.name === 'chromium' && e.major !== null
        ? `Chromium ${e.major}`
        : '其他浏览器';
    const row = by.get(key) ?? {
      key,
      label,
      major: e?.major ?? null,
      below: e?.name === 'chromium' && e.major !== null && e.major < ENGINE_FLOOR,
      screens: [],
    };
    row.screens.push(s);
    by.set(key, row);
  }
  return [...by.values()].sort(
    (a, b) => (a.major ?? Number.MAX_SAFE_INTEGER) - (b.major ?? Number.MAX_SAFE_INTEGER),
  );
}
