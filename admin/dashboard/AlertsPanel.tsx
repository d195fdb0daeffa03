import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import type { Alert } from '../../core/protocol/events.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { call } from '../lib/client.js';
import { putAlert } from '../lib/liveWriters.js';
import { useNotifyError } from '../lib/notify.js';
import { formatDateTime, formatRelative } from '../lib/time.js';

/** Open offline alerts (raised only while a hall is open), with acknowledgement. */
export function AlertsPanel({
  alerts,
  now,
  canOperate,
}: {
  alerts: Alert[];
  now: number;
  canOperate: boolean;
}) {
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  // The acknowledged alert replaces the open one in the live reads (no event announces it).
  const ack = useMutation({
    mutationFn: (a: Alert) => call(routes.alerts.acknowledge, { params: { id: a.id } }),
    onSuccess: (a) => putAlert(queryClient, a),
    onError: (err) => notifyError(err, '确认失败'),
  });
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
                    <Button
                      key="ack"
                      size="small"
                      loading={ack.isPending && ack.variables?.id === a.id}
                      onClick={() => ack.mutate(a)}
                    >
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
