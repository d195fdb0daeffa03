import { Tabs } from 'antd';
import type { ReactElement } from 'react';
import type { Action } from '../../core/protocol/rest.js';
import { Page } from '../common/Page.js';
import { useCan } from '../lib/session.js';
import { ApiKeysTab } from './ApiKeysTab.js';
import { CalendarTab } from './CalendarTab.js';
import { CategoriesTab } from './CategoriesTab.js';
import { UnitsTab } from './UnitsTab.js';

/** Each tab with the action its changes need on the server. */
const TABS: Array<{ key: string; label: string; action: Action; children: ReactElement }> = [
  { key: 'units', label: '成员单位', action: 'manage-system', children: <UnitsTab /> },
  { key: 'categories', label: '名单类别', action: 'manage-system', children: <CategoriesTab /> },
  { key: 'calendar', label: '工作日历', action: 'edit-lists', children: <CalendarTab /> },
  { key: 'api-keys', label: 'API 密钥', action: 'manage-system', children: <ApiKeysTab /> },
];

/**
 * 设置: member units, list categories and API keys (system admins), and the working-day
 * calendar, which the list editors who run takedowns keep too (its deadlines count working days).
 */
export function SettingsPage() {
  const admin = useCan('manage-system');
  const items = TABS.filter((t) => admin || t.action === 'edit-lists').map(({ action: _, ...t }) => t);
  return (
    <Page title="设置">
      <Tabs items={items} destroyOnHidden data-testid="settings-tabs" />
    </Page>
  );
}
