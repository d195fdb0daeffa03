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
import { type ComponentType, lazy, type ReactNode } from 'react';
import type { Action, Role } from '../../core/protocol/rest.js';
import { can } from '../../core/protocol/rest.js';

/*
 * Each page is its own chunk, loaded when first opened: the login page and a page's first load
 * carry no other page (AppLayout shows a Spin meanwhile). Named exports, so each loader picks one.
 */
const AuditPage = lazy(() => import('../audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const BatchesPage = lazy(() => import('../batches/BatchesPage.js').then((m) => ({ default: m.BatchesPage })));
const CampaignsPage = lazy(() =>
  import('../campaigns/CampaignsPage.js').then((m) => ({ default: m.CampaignsPage })),
);
const DashboardPage = lazy(() =>
  import('../dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })),
);
const EmergencyPage = lazy(() =>
  import('../emergency/EmergencyPage.js').then((m) => ({ default: m.EmergencyPage })),
);
const EntriesPage = lazy(() => import('../entries/EntriesPage.js').then((m) => ({ default: m.EntriesPage })));
const TakedownsPage = lazy(() =>
  import('../entries/TakedownsPage.js').then((m) => ({ default: m.TakedownsPage })),
);
const GroupsPage = lazy(() => import('../groups/GroupsPage.js').then((m) => ({ default: m.GroupsPage })));
const HallsPage = lazy(() => import('../halls/HallsPage.js').then((m) => ({ default: m.HallsPage })));
const MediaPage = lazy(() => import('../media/MediaPage.js').then((m) => ({ default: m.MediaPage })));
const PlaylistsPage = lazy(() =>
  import('../playlists/PlaylistsPage.js').then((m) => ({ default: m.PlaylistsPage })),
);
const PreviewPage = lazy(() => import('../preview/PreviewPage.js').then((m) => ({ default: m.PreviewPage })));
const ReportsPage = lazy(() => import('../reports/ReportsPage.js').then((m) => ({ default: m.ReportsPage })));
const ScreensPage = lazy(() => import('../screens/ScreensPage.js').then((m) => ({ default: m.ScreensPage })));
const SettingsPage = lazy(() =>
  import('../settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
);
const UsersPage = lazy(() => import('../users/UsersPage.js').then((m) => ({ default: m.UsersPage })));

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
