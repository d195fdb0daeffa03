import { Badge, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { formatDateTime, formatRelative } from '../lib/time.js';
import { KIND_LABELS, LAYOUT_LABELS } from './labels.js';

interface Options {
  now: number;
  canOperate: boolean;
  onEdit: (screen: ScreenStatus) => void;
  onRevoke: (screen: ScreenStatus) => Promise<void>;
}

function StatusBadge({ screen }: { screen: ScreenStatus }) {
  if (screen.revoked) return <Badge status="default" text="已撤销" data-testid="screen-status" />;
  return screen.online ? (
    <Badge status="success" text="在线" data-testid="screen-status" />
  ) : (
    <Badge status="error" text="离线" data-testid="screen-status" />
  );
}

// 当前 / 已确认: the revision the server wants shown vs. the one the player acknowledged.
function Revisions({ screen }: { screen: ScreenStatus }) {
  const behind = screen.ackedRevision < screen.revision;
  return (
    <Tooltip title={`已生效修订：${screen.renderedRevision}`}>
      <Typography.Text type={behind ? 'warning' : undefined}>
        {screen.revision} / {screen.ackedRevision}
      </Typography.Text>
    </Tooltip>
  );
}

function CurrentItem({ screen }: { screen: ScreenStatus }) {
  if (!screen.currentItem) return <Typography.Text type="secondary">—</Typography.Text>;
  const kind = screen.currentKind ? (KIND_LABELS[screen.currentKind] ?? screen.currentKind) : null;
  return (
    <Space size={4}>
      {kind && <Tag>{kind}</Tag>}
      <span>{screen.currentItem}</span>
    </Space>
  );
}

/** The screens table's columns; actions only for roles that may operate screens. */
export function screenColumns({ now, canOperate, onEdit, onRevoke }: Options): ColumnsType<ScreenStatus> {
  const columns: ColumnsType<ScreenStatus> = [
    { title: '名称', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: '大厅', dataIndex: 'hallName' },
    { title: '分组', dataIndex: 'groupName', render: (name: string | null) => name ?? '—' },
    {
      title: '状态',
      key: 'status',
      render: (_, screen) => <StatusBadge screen={screen} />,
      filters: [
        { text: '在线', value: 'online' },
        { text: '离线', value: 'offline' },
      ],
      onFilter: (value, screen) => !screen.revoked && screen.online === (value === 'online'),
    },
    {
      title: '最后在线',
      dataIndex: 'lastSeenAt',
      render: (at: number | null) =>
        at === null ? (
          <Typography.Text type="secondary">从未上线</Typography.Text>
        ) : (
          <Tooltip title={formatDateTime(at)}>{formatRelative(at, now)}</Tooltip>
        ),
    },
    { title: '修订（当前/已确认）', key: 'revision', render: (_, screen) => <Revisions screen={screen} /> },
    { title: '当前节目', key: 'item', render: (_, screen) => <CurrentItem screen={screen} /> },
    {
      title: '分辨率',
      key: 'canvas',
      render: (_, { layout, canvas }) =>
        `${LAYOUT_LABELS[layout] ?? layout} ${canvas.width}×${canvas.height}`,
    },
  ];
  if (!canOperate) return columns;
  columns.push({
    title: '操作',
    key: 'actions',
    render: (_, screen) =>
      screen.revoked ? null : (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(screen)} data-testid="screen-edit">
            编辑
          </Button>
          <Popconfirm
            title={`撤销屏幕「${screen.name}」？`}
            description="撤销后该屏幕立即断开，需重新配对才能播放"
            okText="撤销"
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(screen)}
          >
            <Button type="link" size="small" danger data-testid="screen-revoke">
              撤销
            </Button>
          </Popconfirm>
        </Space>
      ),
  });
  return columns;
}
