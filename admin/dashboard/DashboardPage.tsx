import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Select,
  Statistic,
  type StatisticProps,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { FilterSelect } from '../common/FilterSelect.js';
import { Page } from '../common/Page.js';
import { liveQuery, useLiveCache } from '../lib/liveCache.js';
import { useCan } from '../lib/session.js';
import { useNow } from '../lib/useNow.js';
import { AlertsPanel } from './AlertsPanel.js';
import { ChangesPanel } from './ChangesPanel.js';
import { EnginesPanel } from './EnginesPanel.js';
import { HEALTH, healthOf, type ScreenHealth } from './format.js';
import { ScreenDrawer } from './ScreenDrawer.js';
import { ScreenTable } from './ScreenTable.js';

const order = (a: ScreenStatus, b: ScreenStatus) => a.name.localeCompare(b.name, 'zh-CN');

/** 运维看板: every screen by hall, live; changes reaching screens; alerts; the mirror and commands. */
export function DashboardPage() {
  const live = useLiveCache();
  const dash = useQuery(liveQuery(routes.dashboard.get));
  const now = useNow(10_000);
  const canOperate = useCan('operate-screens');
  const [q, setQ] = useState('');
  const [hall, setHall] = useState<string | undefined>();
  const [health, setHealth] = useState<ScreenHealth | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const d = dash.data;
  const screens = useMemo(
    () =>
      (d?.screens ?? [])
        .filter((s) => !hall || s.hallId === hall)
        .filter((s) => !health || healthOf(s) === health)
        .filter((s) => !q || s.name.includes(q.trim()) || (s.currentItemName ?? '').includes(q.trim()))
        .sort(order),
    [d, hall, health, q],
  );
  const open = d?.screens.find((s) => s.id === openId);
  const online = d?.screens.filter((s) => s.online).length ?? 0;
  const stats: Array<StatisticProps & { title: string }> = [
    { title: '在线屏幕', value: online, suffix: `/ ${d?.screens.length ?? 0}` },
    {
      title: '未恢复告警',
      value: d?.alerts.length ?? 0,
      valueStyle: { color: d?.alerts.length ? '#cf1322' : undefined },
    },
    { title: '未生效屏幕', value: d?.screens.filter((s) => s.renderedRevision < s.revision).length ?? 0 },
    { title: '有错误的屏幕', value: d?.screens.filter((s) => healthOf(s) === 'error').length ?? 0 },
  ];

  return (
    <Page title="运维看板" error={dash.error} onRetry={() => void dash.refetch()}>
      {live === 'paused' && (
        <Alert
          type="warning"
          showIcon
          data-testid="live-paused"
          title="实时连接已断开，正在重连…"
          description="看板暂停实时更新；重连后自动补上断开期间的变化，无需刷新页面。"
        />
      )}
      <Row gutter={16}>
        {stats.map(({ title, ...stat }) => (
          <Col key={title} xs={12} md={6}>
            <Card size="small">
              <Statistic title={title} {...stat} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <ChangesPanel changes={d?.changes ?? []} now={now} />
        </Col>
        <Col xs={24} lg={10}>
          <AlertsPanel alerts={d?.alerts ?? []} now={now} canOperate={canOperate} />
        </Col>
      </Row>
      <EnginesPanel screens={d?.screens ?? []} />
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          placeholder="搜索屏幕或当前内容"
          style={{ width: 240 }}
          onChange={(e) => setQ(e.target.value)}
          data-testid="ops-search"
        />
        <FilterSelect
          placeholder="全部大厅"
          width={200}
          value={hall}
          onChange={setHall}
          items={d?.halls ?? []}
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={health}
          onChange={setHealth}
          options={Object.entries(HEALTH).map(([value, h]) => ({ value, label: h.label }))}
        />
      </Flex>
      {(d?.halls ?? [])
        .filter((h) => !hall || h.id === hall)
        .map((h) => {
          const mine = screens.filter((s) => s.hallId === h.id);
          return (
            <Card
              key={h.id}
              size="small"
              data-testid="ops-hall"
              title={
                <Flex gap={8} align="center" wrap>
                  <span>{h.name}</span>
                  <Tag color={h.openNow ? 'green' : 'default'}>{h.openNow ? '开放中' : '已闭厅'}</Tag>
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    {h.openingText}
                  </Typography.Text>
                </Flex>
              }
            >
              {mine.length === 0 ? (
                <Empty description="没有符合条件的屏幕" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <ScreenTable screens={mine} now={now} onOpen={(s) => setOpenId(s.id)} />
              )}
            </Card>
          );
        })}
      {open && (
        <ScreenDrawer screen={open} now={now} canOperate={canOperate} onClose={() => setOpenId(null)} />
      )}
    </Page>
  );
}
