import { Tabs } from 'antd';
import type { ReactElement } from 'react';
import { type Action, can } from '../../core/protocol/rest.js';
import { Page } from '../common/Page.js';
import { useSession } from '../lib/session.js';
import { ApiKeysTab } from './ApiKeysTab.js';
import { CalendarTab } from './CalendarTab.js';
import { CategoriesTab } from './CategoriesTab.js';
import { UnitsTab } from './UnitsTab.js';

/** Each tab with the action its changes need on the server. */
const TABS: Array<{ key: string; label: string; action: Action; children: ReactElement }> = [
  { key: 'units', label: '成员单位', action: 'manage-system', children: <UnitsTab /> },
  { key: 'categories', label: '名单类别', action: 'manage-system', children: <CategoriesTab /> },
  { key: 'calendar', label: '工作日历', action: 'edit-lists', children: <CalendarTab /> },
  { key: 'api-keys', label: 'API 密钥', action: 'manage-security', children: <ApiKeysTab /> },
];

/**
 * 设置: member units and list categories (the system administrator), API keys (the security
 * administrator), and the working-day calendar, which the list editors who run takedowns keep
 * (its deadlines count working days).
 */
export function SettingsPage() {
  const { role } = useSession().session.user;
  const items = TABS.filter((t) => can(role, t.action)).map(({ action: _, ...t }) => t);
  return (
    <Page title="设置">
      <Tabs items={items} destroyOnHidden data-testid="settings-tabs" />
    </Page>
  );
}
