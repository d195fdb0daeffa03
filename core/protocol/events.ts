import { z } from 'zod';
import { Canvas, ItemKind, type Manifest } from '../manifest/types.js';

/** Acknowledgement of every event that expects an answer. */
export type Ack<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string } };
export type AckFn<T = undefined> = (reply: Ack<T>) => void;

export const PlayerHello = z.object({
  revision: z.number().int().nonnegative(),
  version: z.string().max(64),
  canvas: Canvas,
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
export interface Command {
  id: string;
  kind: CommandKind;
  args?: Record<string, unknown>;
}

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

/** A screen as the admin sees it in lists and live updates. */
export interface ScreenStatus {
  id: string;
  name: string;
  hallId: string;
  hallName: string;
  groupId: string | null;
  groupName: string | null;
  layout: string;
  canvas: { width: number; height: number };
  online: boolean;
  lastSeenAt: number | null;
  revision: number;
  ackedRevision: number;
  renderedRevision: number;
  currentItem: string | null;
  currentKind: string | null;
  version: string | null;
  uptimeS: number | null;
  errors: number;
  pairedAt: number;
  revoked: boolean;
}

export interface ChangeProgress {
  changeId: string;
  kind: string;
  summary: string;
  createdAt: number;
  total: number;
  received: number;
  rendered: number;
  offline: number;
  timedOut: number;
}

export interface ServerToAdmin {
  'screen:updated': (payload: ScreenStatus) => void;
  'screen:removed': (payload: { id: string }) => void;
  'change:progress': (payload: ChangeProgress) => void;
  'alert:raised': (payload: { id: string; screenId: string; message: string; at: number }) => void;
  'alert:cleared': (payload: { id: string; screenId: string; at: number }) => void;
}

// biome-ignore lint/complexity/noBannedTypes: the admin namespace is push-only.
export type AdminToServer = {};
