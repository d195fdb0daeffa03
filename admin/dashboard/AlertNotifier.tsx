import { App } from 'antd';
import { useLiveCache } from '../lib/liveCache.js';
import { useAdminEvents } from '../lib/socket.js';

/**
 * Every admin page hears about a dark screen and its recovery (the list is on the dashboard).
 * Mounted once in the layout, it also keeps the query cache live on every signed-in page, so a
 * page opened later finds the live reads current and need not refetch them.
 */
export function AlertNotifier() {
  const { notification } = App.useApp();
  useLiveCache();
  useAdminEvents({
    'alert:raised': (a) =>
      notification.error({
        key: a.id,
        title: `屏幕离线：${a.screenName}`,
        description: `${a.hallName} · ${a.message}`,
        duration: 0,
      }),
    'alert:cleared': ({ id, alert }) =>
      notification.success({
        key: id,
        title: `屏幕已恢复：${alert.screenName}`,
        description: alert.hallName,
        duration: 8,
      }),
  });
  return null;
}
