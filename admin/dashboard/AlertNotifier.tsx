import { App } from 'antd';
import { useAdminEvents } from '../lib/socket.js';

/** Every admin page hears about a dark screen and its recovery (the list is on the dashboard). */
export function AlertNotifier() {
  const { notification } = App.useApp();
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
