import { Button, Card, Empty, List, Space, Typography } from 'antd';
import type { Alert } from '../../core/protocol/events.js';
import { useNotifyError } from '../lib/notify.js';
import { formatDateTime, formatRelative } from '../lib/time.js';
import { operationsApi } from './operationsApi.js';

/** Open offline alerts (raised only while a hall is open), with acknowledgement. */
export function AlertsPanel({
  alerts,
  now,
  canOperate,
  onChanged,
}: {
  alerts: Alert[];
  now: number;
  canOperate: boolean;
  onChanged: (a: Alert) => void;
}) {
  const notifyError = useNotifyError();
  const ack = async (a: Alert) => {
    try {
      onChanged(await operationsApi.acknowledge(a.id));
    } catch (err) {
      notifyError(err, '确认失败');
    }
  };
  return (
    <Card title={`告警（${alerts.length}）`} size="small">
      <List
        dataSource={alerts}
        locale={{ emptyText: <Empty description="没有未恢复的告警" /> }}
        renderItem={(a) => (
          <List.Item
            data-testid="ops-alert"
            actions={
              canOperate && !a.acknowledgedAt
                ? [
                    <Button key="ack" size="small" onClick={() => void ack(a)}>
                      确认
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  <Typography.Text type="danger">屏幕离线</Typography.Text>
                  <span>{a.screenName}</span>
                  <Typography.Text type="secondary">{a.hallName}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <div>{a.message}</div>
                  <Typography.Text type="secondary">
                    告警于 {formatRelative(a.at, now)}
                    {a.lastSeenAt ? ` · 最后在线 ${formatDateTime(a.lastSeenAt)}` : ''}
                    {a.acknowledgedAt ? ' · 已确认' : ''}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
