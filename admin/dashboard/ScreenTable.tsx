import { Badge, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { clickable, rowAttrs } from '../common/rowAttrs.js';
import { formatDateTime, formatRelative } from '../lib/time.js';
import { formatUptime, HEALTH, healthOf, KIND_LABELS } from './format.js';

export function HealthBadge({ screen }: { screen: ScreenStatus }) {
  const h = HEALTH[healthOf(screen)];
  return (
    <span data-testid="ops-screen-status" data-health={healthOf(screen)}>
      <Badge status={h.color as 'success'} text={h.label} />
    </span>
  );
}

function columns(now: number): ColumnsType<ScreenStatus> {
  return [
    { title: '状态', key: 'status', width: 120, render: (_, s) => <HealthBadge screen={s} /> },
    {
      title: '屏幕',
      dataIndex: 'name',
      key: 'name',
      render: (name: string, s) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          {s.groupName && (
            <div>
              <Typography.Text type="secondary">{s.groupName}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: '当前播放',
      key: 'item',
      render: (_, s) =>
        s.currentKind || s.currentItem ? (
          <span data-testid="ops-current-item">
            {s.currentKind && <Tag>{KIND_LABELS[s.currentKind] ?? s.currentKind}</Tag>}
            {s.currentItemName ?? s.currentItem}
            {s.page !== null && s.page !== undefined && (
              <Typography.Text type="secondary"> 第 {s.page + 1} 页</Typography.Text>
            )}
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '版本号',
      key: 'revision',
      render: (_, s) => (
        <Tooltip title={`应显示 ${s.revision}，已收到 ${s.ackedRevision}，已显示 ${s.renderedRevision}`}>
          <span data-testid="ops-revision">
            {s.renderedRevision}
            {s.renderedRevision < s.revision && (
              <Typography.Text type="warning"> → {s.revision}</Typography.Text>
            )}
          </span>
        </Tooltip>
      ),
    },
    {
      title: '最后在线',
      key: 'lastSeen',
      render: (_, s) =>
        s.lastSeenAt === null ? (
          '—'
        ) : (
          <Tooltip title={formatDateTime(s.lastSeenAt)}>
            {s.online ? '在线' : formatRelative(s.lastSeenAt, now)}
          </Tooltip>
        ),
    },
    { title: '运行时长', key: 'uptime', render: (_, s) => formatUptime(s.uptimeS) },
    { title: '播放端版本', dataIndex: 'version', key: 'version', render: (v: string | null) => v || '—' },
    {
      title: '分辨率',
      key: 'canvas',
      render: (_, s) => {
        const r = s.reportedCanvas ?? s.canvas;
        const differs = s.reportedCanvas && (r.width !== s.canvas.width || r.height !== s.canvas.height);
        return (
          <Tooltip title={differs ? `配置为 ${s.canvas.width}×${s.canvas.height}` : undefined}>
            <Typography.Text type={differs ? 'warning' : undefined}>
              {r.width}×{r.height}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      title: '错误',
      key: 'errors',
      render: (_, s) =>
        s.errors === 0 ? (
          0
        ) : (
          <Tooltip
            title={
              s.lastError
                ? `${s.lastError.code}：${s.lastError.message}（${formatRelative(s.lastError.at, now)}）`
                : undefined
            }
          >
            <Typography.Text type="danger">{s.errors}</Typography.Text>
          </Tooltip>
        ),
    },
  ];
}

/** Screens of one hall with everything an operator checks at a glance. */
export function ScreenTable({
  screens,
  now,
  onOpen,
}: {
  screens: ScreenStatus[];
  now: number;
  onOpen: (s: ScreenStatus) => void;
}) {
  return (
    <Table<ScreenStatus>
      rowKey="id"
      size="small"
      dataSource={screens}
      columns={columns(now)}
      pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      onRow={(s) =>
        rowAttrs(
          'ops-screen-row',
          { 'screen-id': s.id },
          clickable(() => onOpen(s)),
        )
      }
    />
  );
}
