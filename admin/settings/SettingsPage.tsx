import { Tabs } from 'antd';
import { Page } from '../common/Page.js';
import { ApiKeysTab } from './ApiKeysTab.js';
import { CalendarTab } from './CalendarTab.js';
import { CategoriesTab } from './CategoriesTab.js';
import { UnitsTab } from './UnitsTab.js';

const TABS = [
  { key: 'units', label: '成员单位', children: <UnitsTab /> },
  { key: 'categories', label: '名单类别', children: <CategoriesTab /> },
  { key: 'calendar', label: '工作日历', children: <CalendarTab /> },
  { key: 'api-keys', label: 'API 密钥', children: <ApiKeysTab /> },
];

/** 设置 (system admins): member units, list categories, the working-day calendar and API keys. */
export function SettingsPage() {
  return (
    <Page title="设置">
      <Tabs items={TABS} destroyOnHidden data-testid="settings-tabs" />
    </Page>
  );
}
