import { ApartmentOutlined, BankOutlined, DesktopOutlined, TeamOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { Action, Role } from '../../core/protocol/rest.js';
import { can } from '../../core/protocol/rest.js';
import { GroupsPage } from '../groups/GroupsPage.js';
import { HallsPage } from '../halls/HallsPage.js';
import { ScreensPage } from '../screens/ScreensPage.js';
import { UsersPage } from '../users/UsersPage.js';

export interface PageDef {
  path: string;
  label: string;
  icon: ReactNode;
  /** The menu shows the page only to roles that may do this. */
  action: Action;
  component: ComponentType;
}

/** The side menu, in order. Halls and groups are readable by every role; writes are gated in the page. */
export const PAGES: PageDef[] = [
  { path: '/screens', label: '屏幕', icon: <DesktopOutlined />, action: 'view', component: ScreensPage },
  { path: '/halls', label: '大厅', icon: <BankOutlined />, action: 'view', component: HallsPage },
  { path: '/groups', label: '屏幕分组', icon: <ApartmentOutlined />, action: 'view', component: GroupsPage },
  { path: '/users', label: '用户', icon: <TeamOutlined />, action: 'manage-system', component: UsersPage },
];

export function pagesFor(role: Role): PageDef[] {
  return PAGES.filter((page) => can(role, page.action));
}
