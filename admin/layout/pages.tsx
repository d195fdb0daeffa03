import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EyeOutlined,
  FileTextOutlined,
  FlagOutlined,
  OrderedListOutlined,
  PictureOutlined,
  SearchOutlined,
  SettingOutlined,
  StopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { Action, Role } from '../../core/protocol/rest.js';
import { can } from '../../core/protocol/rest.js';
import { AuditPage } from '../audit/AuditPage.js';
import { BatchesPage } from '../batches/BatchesPage.js';
import { CampaignsPage } from '../campaigns/CampaignsPage.js';
import { DashboardPage } from '../dashboard/DashboardPage.js';
import { EmergencyPage } from '../emergency/EmergencyPage.js';
import { EntriesPage } from '../entries/EntriesPage.js';
import { TakedownsPage } from '../entries/TakedownsPage.js';
import { GroupsPage } from '../groups/GroupsPage.js';
import { HallsPage } from '../halls/HallsPage.js';
import { MediaPage } from '../media/MediaPage.js';
import { PlaylistsPage } from '../playlists/PlaylistsPage.js';
import { PreviewPage } from '../preview/PreviewPage.js';
import { ReportsPage } from '../reports/ReportsPage.js';
import { ScreensPage } from '../screens/ScreensPage.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { UsersPage } from '../users/UsersPage.js';

export interface PageDef {
  path: string;
  label: string;
  icon: ReactNode;
  /** The menu shows the page only to roles that may do this (one of these). */
  action: Action | readonly Action[];
  component: ComponentType;
}

/** The side menu, in order. Halls and groups are readable by every role; writes are gated in the page. */
export const PAGES: PageDef[] = [
  { path: '/screens', label: '屏幕', icon: <DesktopOutlined />, action: 'view', component: ScreensPage },
  {
    path: '/dashboard',
    label: '运维看板',
    icon: <DashboardOutlined />,
    action: 'view',
    component: DashboardPage,
  },
  { path: '/halls', label: '大厅', icon: <BankOutlined />, action: 'view', component: HallsPage },
  { path: '/groups', label: '屏幕分组', icon: <ApartmentOutlined />, action: 'view', component: GroupsPage },
  { path: '/media', label: '媒体库', icon: <PictureOutlined />, action: 'view', component: MediaPage },
  {
    path: '/playlists',
    label: '节目单',
    icon: <OrderedListOutlined />,
    action: 'view',
    component: PlaylistsPage,
  },
  { path: '/campaigns', label: '宣传活动', icon: <FlagOutlined />, action: 'view', component: CampaignsPage },
  {
    path: '/emergency',
    label: '紧急通知',
    icon: <AlertOutlined />,
    action: 'view',
    component: EmergencyPage,
  },
  { path: '/preview', label: '预览', icon: <EyeOutlined />, action: 'view', component: PreviewPage },
  { path: '/batches', label: '名单批次', icon: <FileTextOutlined />, action: 'view', component: BatchesPage },
  { path: '/entries', label: '名单查询', icon: <SearchOutlined />, action: 'view', component: EntriesPage },
  { path: '/takedowns', label: '撤下记录', icon: <StopOutlined />, action: 'view', component: TakedownsPage },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, action: 'view', component: AuditPage },
  { path: '/reports', label: '报表', icon: <BarChartOutlined />, action: 'view', component: ReportsPage },
  { path: '/users', label: '用户', icon: <TeamOutlined />, action: 'see-users', component: UsersPage },
  {
    path: '/settings',
    label: '设置',
    icon: <SettingOutlined />,
    // Each role sees the tabs it may change (SettingsPage filters them).
    action: ['manage-system', 'edit-lists', 'manage-security'],
    component: SettingsPage,
  },
];

/** Where a role lands after signing in: its own work first. */
const LANDING: Partial<Record<Role, string>> = { secadmin: '/users', auditor: '/audit' };
export const landingFor = (role: Role): string => LANDING[role] ?? pagesFor(role)[0]?.path ?? '/screens';

export function pagesFor(role: Role): PageDef[] {
  return PAGES.filter((page) =>
    (typeof page.action === 'string' ? [page.action] : page.action).some((a) => can(role, a)),
  );
}
