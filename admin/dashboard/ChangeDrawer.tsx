import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Table, Tag } from 'antd';
import type { ChangeScreen, ConvergenceState } from '../../core/protocol/operations.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { liveQuery } from '../lib/liveCache.js';
import { navigate } from '../lib/router.js';
import { formatDateTime } from '../lib/time.js';
import { CHANGE_KIND_LABELS, clockTime, formatMs, progressText } from './format.js';

const STATE: Record<ConvergenceState, { color: string; label: string }> = {
  pending: { color: 'processing', label: '待接收' },
  received: { color: 'blue', label: '已接收' },
  rendered: { color: 'success', label: '已生效' },
  offline: { color: 'default', label: '离线（上线后确认）' },
  timeout: { color: 'error', label: '超时' },
};

/**
 * One change per screen: pending -> received -> rendered, with times; refetched as it moves
 * (each `change:progress` of this change invalidates it, liveWriters.ts).
 */
export function ChangeDrawer({ changeId, onClose }: { changeId: string; onClose: () => void }) {
  const detail = useQuery(liveQuery(routes.changes.get, { params: { id: changeId } }));
  const d = detail.data;
  return (
    <Drawer open title="变更详情" size="large" onClose={onClose} destroyOnHidden>
      {detail.error && <Alert type="error" title={detail.error.message} />}
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="类型">{CHANGE_KIND_LABELS[d.kind] ?? d.kind}</Descriptions.Item>
            <Descriptions.Item label="内容">{d.summary}</Descriptions.Item>
            <Descriptions.Item label="时间">{formatDateTime(d.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="生效">{progressText(d)}</Descriptions.Item>
            <Descriptions.Item label="用时">
              p50 {formatMs(d.p50Ms)} · p99 {formatMs(d.p99Ms)}
              {d.slowest ? ` · 最慢 ${d.slowest.screenName}（${formatMs(d.slowest.ms)}）` : ''}
            </Descriptions.Item>
            {d.takedowns.length > 0 && (
              <Descriptions.Item label="撤下报告">
                {d.takedowns.map((t) => (
                  <Tag
                    key={t.id}
                    color="red"
                    style={{ cursor: 'pointer' }}
                    onClick={() => navigate(`/takedowns/${t.id}`)}
                  >
                    {t.entryName}
                  </Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table<ChangeScreen>
            style={{ marginTop: 16 }}
            size="small"
            rowKey="screenId"
            dataSource={d.screens}
            pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: '屏幕', dataIndex: 'screenName' },
              { title: '大厅', dataIndex: 'hallName' },
              {
                title: '状态',
                dataIndex: 'state',
                render: (s: ConvergenceState) => <Tag color={STATE[s].color}>{STATE[s].label}</Tag>,
                filters: Object.entries(STATE).map(([value, v]) => ({ text: v.label, value })),
                onFilter: (v, r) => r.state === v,
              },
              {
                title: '收到',
                dataIndex: 'receivedAt',
                render: (t: number | null) => (t ? clockTime(t) : '—'),
              },
              {
                title: '生效',
                dataIndex: 'renderedAt',
                render: (t: number | null) => (t ? clockTime(t) : '—'),
              },
              {
                title: '用时',
                dataIndex: 'ms',
                render: (ms: number | null) => formatMs(ms),
                sorter: (a, b) => (a.ms ?? 1e15) - (b.ms ?? 1e15),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
