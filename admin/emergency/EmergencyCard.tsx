import { Badge, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { Emergency, EmergencyScreen } from '../../core/protocol/programs.js';
import { formatDateTime, formatRelative } from '../lib/time.js';

interface Props {
  emergency: Emergency;
  now: number;
  canRevert: boolean;
  onRevert: (e: Emergency) => void;
}

const columns = [
  { title: '屏幕', dataIndex: 'name' },
  {
    title: '在线',
    dataIndex: 'online',
    render: (online: boolean) => (
      <Badge status={online ? 'success' : 'default'} text={online ? '在线' : '离线'} />
    ),
  },
  {
    title: '确认',
    key: 'confirm',
    render: (_: unknown, s: EmergencyScreen) =>
      s.renderedAt ? (
        <Tag color="green">已显示 {formatDateTime(s.renderedAt)}</Tag>
      ) : s.receivedAt ? (
        <Tag color="blue">已接收，等待显示</Tag>
      ) : (
        <Tag>等待屏幕确认</Tag>
      ),
  },
  {
    title: '当前',
    dataIndex: 'showing',
    render: (showing: boolean) =>
      showing ? (
        <Tag color="red">正在显示</Tag>
      ) : (
        <Typography.Text type="secondary">被更新的通知覆盖</Typography.Text>
      ),
  },
];

/** One notice with its expiry and every targeted screen's rendered confirmation. */
export function EmergencyCard({ emergency: e, now, canRevert, onRevert }: Props) {
  const confirmed = e.screens.filter((s) => s.renderedAt !== null).length;
  const status = e.revertedAt
    ? `已于 ${formatDateTime(e.revertedAt)} 撤销`
    : e.active
      ? `${formatRelative(e.expiresAt, now)}到期（${formatDateTime(e.expiresAt)}）`
      : `已于 ${formatDateTime(e.expiresAt)} 到期`;
  return (
    <Card
      size="small"
      data-testid="emergency-card"
      title={
        <>
          {e.active && <Tag color="red">生效中</Tag>}
          {e.title}
        </>
      }
      extra={
        e.active &&
        canRevert && (
          <Popconfirm title="立即从屏幕上撤下此通知？" okText="撤销" onConfirm={() => onRevert(e)}>
            <Button danger size="small">
              撤销
            </Button>
          </Popconfirm>
        )
      }
    >
      {e.body && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.body}</Typography.Paragraph>}
      <Typography.Text type="secondary">
        发布于 {formatDateTime(e.createdAt)}，{status}；{confirmed}/{e.screens.length} 块屏幕已确认显示
      </Typography.Text>
      {e.active && (
        <Table<EmergencyScreen>
          rowKey="screenId"
          size="small"
          columns={columns}
          dataSource={e.screens}
          pagination={{ hideOnSinglePage: true, pageSize: 20 }}
          style={{ marginTop: 8 }}
        />
      )}
    </Card>
  );
}
