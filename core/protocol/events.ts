import { z } from 'zod';
import { Canvas, ItemKind, type Manifest } from '../manifest/types.js';

/** Acknowledgement of every event that expects an answer. */
export type Ack<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string } };
export type AckFn<T = undefined> = (reply: Ack<T>) => void;

/**
 * The browser engine a player runs on, as its boot script found it: most hall screens are Android
 * boxes whose factory WebView never updates, and the player needs Chromium 69 or later.
 */
export const PlayerEngine = z.object({
  name: z.enum(['chromium', 'other']),
  major: z.number().int().min(0).max(10_000).nullable(),
  android: z.number().int().min(0).max(1000).nullable(),
});
export type PlayerEngine = z.infer<typeof PlayerEngine>;
/** The player's engine floor (docs/android-boxes.md). */
export const ENGINE_FLOOR = 69;

/** What the player page's boot script reports from a box that cannot run the player (unauthenticated). */
export const BootReport = z.object({
  reason: z.enum(['engine_too_old', 'start_timeout', 'start_failed']),
  engine: PlayerEngine.extend({ webview: z.boolean(), ua: z.string().max(400) }),
  errors: z.array(z.string().max(300)).max(5),
  path: z.string().max(200),
});
export type BootReport = z.infer<typeof BootReport>;

/** A boot report as stored, with when and from which address it came. */
export const BootReportRecord = BootReport.extend({ id: z.number(), receivedAt: z.number(), ip: z.string() });
export type BootReportRecord = z.infer<typeof BootReportRecord>;

export const PlayerHello = z.object({
  revision: z.number().int().nonnegative(),
  version: z.string().max(64),
  canvas: Canvas,
  /** Absent from players built before the engine was reported. */
  engine: PlayerEngine.optional(),
});
export type PlayerHello = z.infer<typeof PlayerHello>;

export const PlayerHeartbeat = z.object({
  revision: z.number().int().nonnegative(),
  item: z.string().max(128).nullable(),
  uptimeS: z.number().nonnegative(),
  version: z.string().max(64),
  canvas: Canvas,
  cache: z.object({ bytes: z.number().nonnegative(), items: z.number().int().nonnegative() }),
  errors: z.number().int().nonnegative(),
});
export type PlayerHeartbeat = z.infer<typeof PlayerHeartbeat>;

export const PlayerRendered = z.object({ revision: z.number().int().nonnegative() });
export type PlayerRendered = z.infer<typeof PlayerRendered>;

export const PlayRecord = z.object({
  id: z.string().min(8).max(64),
  itemId: z.string().max(128),
  kind: ItemKind,
  playlistId: z.string().max(128),
  campaignId: z.string().max(128).optional(),
  startedAt: z.number(),
  endedAt: z.number(),
  entries: z
    .array(z.object({ entryId: z.string().max(128), visibleMs: z.number().nonnegative() }))
    .optional(),
});
export const PlayerPlays = z.array(PlayRecord).max(500);
export type PlayRecord = z.infer<typeof PlayRecord>;

export const PlayerState = z.object({
  itemId: z.string().max(128).nullable(),
  kind: ItemKind.nullable(),
  revision: z.number().int().nonnegative(),
  page: z.number().int().nonnegative().optional(),
});
export type PlayerState = z.infer<typeof PlayerState>;

export const PlayerError = z.object({
  itemId: z.string().max(128).optional(),
  code: z.string().max(64),
  message: z.string().max(1000),
});
export type PlayerError = z.infer<typeof PlayerError>;

/** Reply to hello and heartbeat: the player's clock offset and stale window come from it. */
export interface TimeSync {
  serverTime: number;
  listsValidUntil: number;
  revision: number;
}

export const CommandKind = z.enum(['reload', 'resync', 'clear-cache', 'identify', 'info', 'snapshot']);
export type CommandKind = z.infer<typeof CommandKind>;
/** A remote command as the server sends it to a player (`command`); the player parses it with this. */
export const Command = z.object({
  id: z.string().max(128),
  kind: CommandKind,
  args: z.record(z.string(), z.unknown()).optional(),
});
export type Command = z.infer<typeof Command>;
/** What an operator sends to a screen (POST /api/screens/:id/commands). */
export const CommandRequest = z.object({
  kind: CommandKind,
  args: z.record(z.string(), z.unknown()).optional(),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

export interface ManifestUpdated {
  revision: number;
  manifest?: Manifest;
}

/** Why the server dropped a player: the player returns to pairing on `revoked`. */
export interface PlayerDisconnectReason {
  code: 'revoked' | 'shutdown' | 'replaced';
  message: string;
}

export interface ServerToPlayer {
  'manifest:updated': (payload: ManifestUpdated, ack: AckFn) => void;
  command: (payload: Command, ack: AckFn<unknown>) => void;
  'server:bye': (payload: PlayerDisconnectReason) => void;
}

export interface PlayerToServer {
  'player:hello': (payload: PlayerHello, ack: AckFn<TimeSync>) => void;
  'player:heartbeat': (payload: PlayerHeartbeat, ack: AckFn<TimeSync>) => void;
  'player:rendered': (payload: PlayerRendered, ack: AckFn) => void;
  'player:plays': (payload: PlayRecord[], ack: AckFn<{ stored: number }>) => void;
  'player:state': (payload: PlayerState) => void;
  'player:error': (payload: PlayerError) => void;
}

/** Every event a player may send, by name (the server refuses every other name). */
export const PLAYER_EVENT_NAMES = [
  'player:hello',
  'player:heartbeat',
  'player:rendered',
  'player:plays',
  'player:state',
  'player:error',
] as const satisfies readonly (keyof PlayerToServer)[];

const Size = z.object({ width: z.number(), height: z.number() });

/** A screen as the admin sees it in lists and live updates (parsed by the admin on receipt). */
export const ScreenStatus = z.object({
  id: z.string(),
  name: z.string(),
  hallId: z.string(),
  hallName: z.string(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  layout: z.string(),
  canvas: Size,
  online: z.boolean(),
  lastSeenAt: z.number().nullable(),
  revision: z.number(),
  ackedRevision: z.number(),
  renderedRevision: z.number(),
  currentItem: z.string().nullable(),
  currentKind: z.string().nullable(),
  version: z.string().nullable(),
  /** The engine the player last said hello with; null until it has. */
  engine: PlayerEngine.nullable().optional(),
  uptimeS: z.number().nullable(),
  errors: z.number(),
  pairedAt: z.number(),
  revoked: z.boolean(),
  // What the operations dashboard adds (absent where only the base status is built).
  /** The current item's name, when the server knows the item. */
  currentItemName: z.string().nullable().optional(),
  /** The list page shown, from `player:state`. */
  page: z.number().nullable().optional(),
  /** When the player last reported an item change. */
  stateAt: z.number().nullable().optional(),
  /** The canvas the player reports (its real window), next to the configured one. */
  reportedCanvas: Size.nullable().optional(),
  cache: z.object({ bytes: z.number(), items: z.number() }).nullable().optional(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.number() }).nullable().optional(),
  connectedAt: z.number().nullable().optional(),
  /** The open offline alert, if any. */
  alert: z.object({ id: z.string(), raisedAt: z.number() }).nullable().optional(),
});
export type ScreenStatus = z.infer<typeof ScreenStatus>;

/** Live convergence of one change: "37/40 已生效 · 2 离线 · 1 超时". */
export const ChangeProgress = z.object({
  changeId: z.string(),
  kind: z.string(),
  summary: z.string(),
  createdAt: z.number(),
  total: z.number(),
  received: z.number(),
  rendered: z.number(),
  /** Not rendered and the screen is offline: it confirms on reconnect. */
  offline: z.number(),
  /** Not rendered, online, and past the convergence timeout. */
  timedOut: z.number(),
  /** Time to rendered (from the change), over the screens that rendered. */
  p50Ms: z.number().nullable().optional(),
  p99Ms: z.number().nullable().optional(),
  slowest: z.object({ screenId: z.string(), screenName: z.string(), ms: z.number() }).nullable().optional(),
  timeoutAt: z.number().optional(),
});
export type ChangeProgress = z.infer<typeof ChangeProgress>;

export const AlertKind = z.enum(['offline']);
export type AlertKind = z.infer<typeof AlertKind>;

/** An operations alert (a dark screen); raised once per outage, cleared on recovery. */
export const Alert = z.object({
  id: z.string(),
  kind: AlertKind,
  screenId: z.string(),
  screenName: z.string(),
  hallId: z.string(),
  hallName: z.string(),
  message: z.string(),
  /** Raised at. */
  at: z.number(),
  /** The screen's last sign of life before it went dark. */
  lastSeenAt: z.number().nullable(),
  clearedAt: z.number().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.number().nullable(),
});
export type Alert = z.infer<typeof Alert>;
export const AlertCleared = z.object({ id: z.string(), screenId: z.string(), at: z.number(), alert: Alert });
export type AlertCleared = z.infer<typeof AlertCleared>;

/** The outcome of a remote command: the player's ack, or why there was none. */
export const CommandStatus = z.enum(['ok', 'error', 'timeout', 'offline']);
export type CommandStatus = z.infer<typeof CommandStatus>;
export const CommandResult = z.object({
  id: z.string(),
  screenId: z.string(),
  kind: CommandKind,
  status: CommandStatus,
  data: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  actor: z.string().nullable(),
  sentAt: z.number(),
  answeredAt: z.number().nullable(),
});
export type CommandResult = z.infer<typeof CommandResult>;

/**
 * What a `snapshot` command's ack carries when the screen's kiosk agent took a screenshot (the
 * player uploads it to POST /api/player/snapshot): where the admin loads it and when it was
 * taken. Without an agent the ack is `{ ok: false, error: { code: 'no_agent' } }`.
 */
export const SnapshotData = z.object({ url: z.string(), at: z.number() });
export type SnapshotData = z.infer<typeof SnapshotData>;

export const ScreenRemoved = z.object({ id: z.string() });

/**
 * Why the server closed an admin socket: its session was logged out, expired, or its user was
 * disabled or had the password reset; `role_changed` leaves the session valid under the new role
 * (reconnecting gets what that role may see).
 */
export const SessionEndReason = z.enum([
  'logout',
  'expired',
  'disabled',
  'password_reset',
  'role_changed',
  'password_changed',
]);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

/** The last thing an admin socket hears before the server disconnects it. */
export const SessionEnded = z.object({ code: SessionEndReason, message: z.string() });
export type SessionEnded = z.infer<typeof SessionEnded>;

/** The id the admin gives one upload (query `uploadId` of POST /api/imports) to follow its progress. */
export const UploadId = z.string().regex(/^[\w-]{8,64}$/, '上传编号应为 8–64 位字母、数字、下划线或连字符');

/** What the server is doing with an uploaded list file: reading its rows, then checking each one. */
export const ImportPhase = z.enum(['reading', 'checking']);
export type ImportPhase = z.infer<typeof ImportPhase>;

/**
 * Rows done in one phase of an import preview, sent only to the sockets of the session that
 * uploaded. While reading, `total` is estimated from the file's line count or sheet dimension and
 * may move; each phase ends with `done` equal to the exact `total`.
 */
export const ImportProgress = z.object({
  uploadId: UploadId,
  phase: ImportPhase,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** Every /admin event's payload schema: the admin parses what it receives with these. */
export const AdminEventSchemas = {
  'screen:updated': ScreenStatus,
  'screen:removed': ScreenRemoved,
  'change:progress': ChangeProgress,
  'alert:raised': Alert,
  'alert:cleared': AlertCleared,
  'command:result': CommandResult,
  'session:ended': SessionEnded,
  'import:progress': ImportProgress,
} as const;

/** The /admin event map, derived from the schemas so the two cannot drift apart. */
export type ServerToAdmin = {
  [E in keyof typeof AdminEventSchemas]: (payload: z.infer<(typeof AdminEventSchemas)[E]>) => void;
};

// biome-ignore lint/complexity/noBannedTypes: the admin namespace is push-only.
export type AdminToServer = {};
