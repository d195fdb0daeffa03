import { z } from 'zod';
import { Canvas, Layout } from '../manifest/types.js';
import type { ErrorCode } from './errors.js';
import { DisplayName, FreeText } from './text.js';

/**
 * Role ids (ARCHITECTURE "Trust"). Three separated administrators (GB/T 22239-2019 8.1.4.2 d):
 * the system administrator runs accounts, halls and screens; the security administrator assigns
 * roles, resets passwords, lifts locks and keeps the API keys; the audit administrator reads the
 * audit log and changes nothing. None of them edits, reviews or publishes lists or campaigns.
 */
export const Role = z.enum([
  'sysadmin',
  'secadmin',
  'auditor',
  'list-editor',
  'reviewer',
  'publicity',
  'operator',
]);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  'list-editor': '名单编辑',
  reviewer: '审核员',
  publicity: '宣传管理',
  operator: '运维值守',
};

/** The administrator roles: each must keep one enabled holder. */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (role: Role): role is AdminRole => (ADMIN_ROLES as readonly Role[]).includes(role);

/** Every route maps to one of these actions; the table below says which roles may. */
export const Action = z.enum([
  'manage-system',
  'see-users',
  'manage-security',
  'read-audit',
  'edit-lists',
  'withdraw-entries',
  'set-objection',
  'review',
  'manage-programs',
  'emergency',
  'operate-screens',
  'view',
]);
export type Action = z.infer<typeof Action>;

export const PERMISSIONS: Record<Action, readonly Role[]> = {
  /** Accounts (create, rename, disable), halls, groups, member units, categories. */
  'manage-system': ['sysadmin'],
  /** The user list with roles and states. */
  'see-users': ['sysadmin', 'secadmin'],
  /** Roles, password resets, lifting a lock, API keys. */
  'manage-security': ['secadmin'],
  /** The whole audit log (everyone reads their own actions). */
  'read-audit': ['auditor'],
  'edit-lists': ['list-editor'],
  'withdraw-entries': ['list-editor'],
  'set-objection': ['list-editor'],
  review: ['reviewer'],
  'manage-programs': ['publicity'],
  emergency: ['reviewer', 'publicity'],
  'operate-screens': ['sysadmin', 'operator'],
  view: ['sysadmin', 'secadmin', 'auditor', 'list-editor', 'reviewer', 'publicity', 'operator'],
};

/**
 * Roles whose sessions end after the short idle limit (HALLCAST_PRIVILEGED_SESSION_IDLE_MS):
 * the administrators and who reviews and publishes.
 */
export const PRIVILEGED_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor', 'reviewer'];

/**
 * The header every admin request carries: milliseconds since the user last pressed a key,
 * clicked or touched the page. A request sent while the user is away (a page's periodic refresh)
 * therefore does not count as activity, and does not keep an idle session alive.
 */
export const IDLE_HEADER = 'x-hallcast-idle-ms';

/** Whether a role may perform an action. */
export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

/** The error body every failing request returns. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}

// ---- auth ----
/** The admin session cookie (httpOnly, SameSite=Strict): HTTP sets it, the /admin socket reads it. */
export const SESSION_COOKIE = 'hc_session';
export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Password = z.string().min(10, '密码至少 10 位').max(256);
export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const SessionInfo = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    mustChangePassword: z.boolean(),
  }),
  csrfToken: z.string(),
  /** For the system administrator: administrator roles no enabled account holds yet (create them). */
  setup: z.array(Role).optional(),
  /** With a sign-in only: the one before it, and the failed attempts since (GB/T 22239 8.1.4.1). */
  notice: z
    .object({
      previousAt: z.number().nullable(),
      previousIp: z.string().nullable(),
      failedSince: z.number().int(),
    })
    .optional(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

// ---- users ----
export const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{1,31}$/, '用户名为 2-32 位小写字母、数字、点、下划线或连字符，以字母开头');
export const UserCreate = z.object({
  username: Username,
  displayName: DisplayName('显示名', 64),
  role: Role,
});
export type UserCreate = z.infer<typeof UserCreate>;
/** What the system administrator changes of an account; the role is the security administrator's. */
export const UserUpdate = z.object({
  displayName: DisplayName('显示名', 64).optional(),
  disabled: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;
export const UserRoleChange = z.object({ role: Role });
export type UserRoleChange = z.infer<typeof UserRoleChange>;
export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.number(),
  lastLoginAt: z.number().nullable(),
});
export type User = z.infer<typeof User>;
/** Who did something, for every role to read: id and display name only. */
export const UserName = z.object({ id: z.string(), displayName: z.string() });
export type UserName = z.infer<typeof UserName>;
/** Creating a user or resetting a password returns the one-time password once. */
export const UserWithPassword = z.object({ user: User, temporaryPassword: z.string() });
export type UserWithPassword = z.infer<typeof UserWithPassword>;

// ---- halls ----
export const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: '时区名称不存在，请使用 IANA 名称，例如 Asia/Shanghai' },
);
const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:mm');
export const OpeningHours = z.array(
  z.object({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1),
    open: HourMinute,
    close: HourMinute,
  }),
);
export type OpeningHours = z.infer<typeof OpeningHours>;
export const HallInput = z.object({
  name: DisplayName('大厅名称'),
  timezone: TimeZone,
  openingHours: OpeningHours,
  repairWindowText: FreeText({ label: '信用修复窗口说明', max: 300 }),
});
export type HallInput = z.infer<typeof HallInput>;
export const Hall = HallInput.extend({ id: z.string(), createdAt: z.number() });
export type Hall = z.infer<typeof Hall>;

// ---- screen groups ----
export const GroupInput = z.object({
  name: DisplayName('分组名称'),
  hallId: z.string().min(1),
  defaultPlaylistId: z.string().nullable(),
  /** Old Android boxes: only H.264/AAC MP4 video may be scheduled to the group (no WebM). */
  oldBoxes: z.boolean().optional(),
});
export type GroupInput = z.infer<typeof GroupInput>;
export const Group = GroupInput.extend({ id: z.string(), screens: z.number() });
export type Group = z.infer<typeof Group>;

// ---- pairing and screens ----
export const PAIRING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PairingCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/, '配对码为 6 位字母数字'));

export const PairRegister = z.object({
  /** Hex of 32 random bytes the device made; only its SHA-256 is kept. */
  deviceSecret: z.string().regex(/^[0-9a-f]{64}$/),
  canvas: Canvas,
  version: z.string().max(64),
});
export type PairRegister = z.infer<typeof PairRegister>;
export const PairRegistered = z.object({ code: z.string(), expiresAt: z.number(), serverUrl: z.string() });
export type PairRegistered = z.infer<typeof PairRegistered>;
export const PairPoll = z.object({ code: PairingCode, deviceSecret: z.string().regex(/^[0-9a-f]{64}$/) });
export type PairPoll = z.infer<typeof PairPoll>;
/** pending until an operator claims the code; then the token, once. */
export const PairPollResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), expiresAt: z.number() }),
  z.object({ status: z.literal('paired'), token: z.string(), screenId: z.string(), screenName: z.string() }),
]);
export type PairPollResult = z.infer<typeof PairPollResult>;

export const ScreenPreset = z.object({ layout: Layout, canvas: Canvas });
export const SCREEN_PRESETS: { id: string; label: string; layout: Layout; canvas: Canvas }[] = [
  { id: 'fhd', label: '横屏 1920×1080', layout: 'landscape', canvas: { width: 1920, height: 1080 } },
  { id: 'uhd', label: '横屏 3840×2160', layout: 'landscape', canvas: { width: 3840, height: 2160 } },
  { id: 'portrait', label: '竖屏 1080×1920', layout: 'portrait', canvas: { width: 1080, height: 1920 } },
  { id: 'led-wall', label: 'LED 大屏 3200×1600', layout: 'custom', canvas: { width: 3200, height: 1600 } },
  { id: 'led-strip', label: 'LED 条屏 256×32', layout: 'led-strip', canvas: { width: 256, height: 32 } },
];

export const ScreenClaim = z.object({
  code: PairingCode,
  name: DisplayName('屏幕名称'),
  hallId: z.string().min(1),
  groupId: z.string().min(1).nullable(),
  layout: Layout,
  canvas: Canvas,
});
export type ScreenClaim = z.infer<typeof ScreenClaim>;
export const ScreenUpdate = z.object({
  name: DisplayName('屏幕名称').optional(),
  hallId: z.string().min(1).optional(),
  groupId: z.string().min(1).nullable().optional(),
  layout: Layout.optional(),
  canvas: Canvas.optional(),
});
export type ScreenUpdate = z.infer<typeof ScreenUpdate>;

export const Health = z.object({
  status: z.enum(['ok', 'error']),
  version: z.string(),
  uptimeS: z.number(),
  db: z.enum(['ok', 'error']),
});
export type Health = z.infer<typeof Health>;
