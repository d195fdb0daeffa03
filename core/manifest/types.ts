import { z } from 'zod';
import { ListField, ListType } from '../credit/dataset.js';
import { Schedule } from '../schedule/types.js';

export const ItemKind = z.enum(['list-board', 'image', 'video', 'notice', 'ticker', 'clock']);
export type ItemKind = z.infer<typeof ItemKind>;

/** Which list datasets a list board shows; resolved by the manifest builder, not by playlists. */
export const ListSelector = z.object({
  listType: ListType,
  categoryIds: z.union([z.literal('all'), z.array(z.string()).min(1)]),
});
export type ListSelector = z.infer<typeof ListSelector>;

const ItemBase = z.object({
  id: z.string(),
  name: z.string(),
  /** How long the item plays once, in ms; a list board plays its pages within it. */
  durationMs: z.number().int().positive(),
});

export const ListBoardItem = ItemBase.extend({
  kind: z.literal('list-board'),
  selector: ListSelector,
  mode: z.enum(['paged', 'scroll', 'marquee']),
  rowsPerPage: z.number().int().min(1).max(50),
  dwellSec: z.number().min(2).max(600),
  fields: z.array(ListField).min(1),
});
export const ImageItem = ItemBase.extend({
  kind: z.literal('image'),
  media: z.string(),
  fit: z.enum(['contain', 'cover']).default('contain'),
});
export const VideoItem = ItemBase.extend({
  kind: z.literal('video'),
  media: z.string(),
  /** Play to the end when absent. */
  playToEnd: z.boolean().default(true),
});
export const NoticeItem = ItemBase.extend({
  kind: z.literal('notice'),
  title: z.string(),
  body: z.string(),
  media: z.string().optional(),
  style: z.enum(['integrity', 'commerce', 'traffic', 'lecture', 'urgent']).default('integrity'),
});
export const TickerItem = ItemBase.extend({
  kind: z.literal('ticker'),
  text: z.string(),
  /** Pixels per second at a 1080-pixel-high canvas. */
  speed: z.number().positive().default(120),
});
export const ClockItem = ItemBase.extend({ kind: z.literal('clock') });

export const Item = z.discriminatedUnion('kind', [
  ListBoardItem,
  ImageItem,
  VideoItem,
  NoticeItem,
  TickerItem,
  ClockItem,
]);
export type Item = z.infer<typeof Item>;
export type ListBoardItem = z.infer<typeof ListBoardItem>;
export type ImageItem = z.infer<typeof ImageItem>;
export type VideoItem = z.infer<typeof VideoItem>;
export type NoticeItem = z.infer<typeof NoticeItem>;
export type TickerItem = z.infer<typeof TickerItem>;
export type ClockItem = z.infer<typeof ClockItem>;

export const Layout = z.enum(['landscape', 'portrait', 'led-strip', 'custom']);
export type Layout = z.infer<typeof Layout>;

export const Canvas = z.object({
  width: z.number().int().min(16).max(16384),
  height: z.number().int().min(8).max(16384),
});
export type Canvas = z.infer<typeof Canvas>;

/** Intervals the player uses; they come from server configuration. */
export const PlayerSettings = z.object({
  heartbeatMs: z.number().int().positive(),
  staleAfterMs: z.number().int().positive(),
  reconnectMaxMs: z.number().int().positive(),
  playsBatchMs: z.number().int().positive(),
  /** A long play is recorded in segments of at most this long (a power cut loses one at most). */
  playSegmentMs: z.number().int().positive().optional(),
  /** Hour (screen time) of the daily soft reload; -1: never. Absent: 3 (03:00–04:00). */
  reloadHour: z.number().int().min(-1).max(23).optional(),
  /** The page reloads when its render loop has not run for this long (absent: 60 s). */
  renderStallMs: z.number().int().positive().optional(),
  /** The page reloads when its socket has been down this long while the server answers (absent: 10 min). */
  socketStallMs: z.number().int().positive().optional(),
});
export type PlayerSettings = z.infer<typeof PlayerSettings>;

export const ManifestDataset = z.object({
  hash: z.string(),
  listType: ListType,
  categoryId: z.string(),
  categoryName: z.string(),
  entries: z.number().int().nonnegative(),
});
export type ManifestDataset = z.infer<typeof ManifestDataset>;

export const ManifestMedia = z.object({
  hash: z.string(),
  type: z.enum(['image', 'video']),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type ManifestMedia = z.infer<typeof ManifestMedia>;

/** Everything a screen needs to play on its own (ARCHITECTURE "Manifest"). */
export const Manifest = z.object({
  screenId: z.string(),
  screenName: z.string(),
  revision: z.number().int().nonnegative(),
  issuedAt: z.number(),
  serverTime: z.number(),
  layout: Layout,
  canvas: Canvas,
  timezone: z.string(),
  hall: z.object({ name: z.string(), repairWindowText: z.string() }),
  player: PlayerSettings,
  schedule: Schedule,
  items: z.array(Item),
  datasets: z.array(ManifestDataset),
  media: z.array(ManifestMedia),
  listsValidUntil: z.number(),
  demo: z.boolean(),
});
export type Manifest = z.infer<typeof Manifest>;
