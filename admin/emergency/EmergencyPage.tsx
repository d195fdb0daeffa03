import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Col, Empty, Flex, Row, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { Emergency } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { Page } from '../common/Page.js';
import { invalidate } from '../lib/cache.js';
import { call, routeQuery } from '../lib/client.js';
import { useNotifyError } from '../lib/notify.js';
import { groupsQuery, hallsQuery, screensQuery } from '../lib/queries.js';
import { useCan } from '../lib/session.js';
import { useAdminEvents } from '../lib/socket.js';
import { useNow } from '../lib/useNow.js';
import { EmergencyCard } from './EmergencyCard.js';
import { EmergencyForm } from './EmergencyForm.js';

/** 紧急通知: publish in one click; every active notice with each screen's confirmation, live. */
export function EmergencyPage() {
  const list = useQuery(routeQuery(routes.emergencies.list));
  const halls = useQuery(hallsQuery);
  const groups = useQuery(groupsQuery);
  const screens = useQuery(screensQuery);
  const client = useQueryClient();
  // A notice raised or reverted shows in the list and in every previewed manifest.
  const changed = () => invalidate(client, routes.emergencies.list, routes.preview.get);
  const reload = () => void list.refetch();
  const canPublish = useCan('emergency');
  const now = useNow(10_000);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  // A screen's update follows its player:rendered; reload (at most every 2 s) to show the confirmation.
  const pending = useRef<number | null>(null);
  const soon = () => {
    pending.current ??= window.setTimeout(() => {
      pending.current = null;
      reload();
    }, 2000);
  };
  useEffect(() => () => window.clearTimeout(pending.current ?? undefined), []);
  useAdminEvents({ 'change:progress': soon, 'screen:updated': soon }, reload);

  const revert = async (e: Emergency) => {
    try {
      await call(routes.emergencies.revert, { params: { id: e.id } });
      void message.success(`已撤销「${e.title}」`);
      changed();
    } catch (err) {
      notifyError(err, '撤销失败');
    }
  };
  const all = list.data?.emergencies ?? [];
  const active = all.filter((e) => e.active && e.expiresAt > now);
  const past = all.filter((e) => !active.includes(e));
  return (
    <Page title="紧急通知" error={list.error} onRetry={reload}>
      <Row gutter={16}>
        {canPublish && list.data && (
          <Col xs={24} lg={10}>
            <EmergencyForm
              defaultMs={list.data.defaultMs}
              maxMs={list.data.maxMs}
              halls={halls.data ?? []}
              groups={groups.data ?? []}
              screens={screens.data ?? []}
              onCreated={(e) => {
                void message.success(`「${e.title}」已发布到 ${e.screens.length} 块屏幕`);
                changed();
              }}
            />
          </Col>
        )}
        <Col xs={24} lg={canPublish ? 14 : 24}>
          <Flex vertical gap={12}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              生效中（{active.length}）
            </Typography.Title>
            <Typography.Text type="secondary">
              同一屏幕上有多条生效的通知时，显示最新发布的一条。
            </Typography.Text>
            {active.length === 0 && <Empty description="没有生效中的紧急通知" />}
            {active.map((e) => (
              <EmergencyCard key={e.id} emergency={e} now={now} canRevert={canPublish} onRevert={revert} />
            ))}
            {past.length > 0 && (
              <Typography.Title level={5} style={{ margin: '12px 0 0' }}>
                近 7 天
              </Typography.Title>
            )}
            {past.map((e) => (
              <EmergencyCard key={e.id} emergency={e} now={now} canRevert={false} onRevert={revert} />
            ))}
          </Flex>
        </Col>
      </Row>
    </Page>
  );
}
