import { z } from 'zod';
import { Dataset } from '../credit/dataset.js';
import { Manifest } from '../manifest/types.js';
import { Alert, ChangeProgress, ScreenStatus } from './events.js';

/** Operations: the dashboard, convergence, alerts, remote commands and reports. */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/** One screen's place in a change: pending -> received -> rendered, or why it is not there yet. */
export const ConvergenceState = z.enum(['pending', 'received', 'rendered', 'offline', 'timeout']);
export type ConvergenceState = z.infer<typeof ConvergenceState>;
export const ChangeScreen = z.object({
  screenId: z.string(),
  screenName: z.string(),
  hallName: z.string(),
  revision: z.number(),
  state: ConvergenceState,
  receivedAt: z.number().nullable(),
  renderedAt: z.number().nullable(),
  /** Time from the change to rendered. */
  ms: z.number().nullable(),
});
export type ChangeScreen = z.infer<typeof ChangeScreen>;
export const ChangeDetail = ChangeProgress.extend({
  actor: z.string().nullable(),
  screens: z.array(ChangeScreen),
  /** The takedowns this change carries out (withdrawals and corrections). */
  takedowns: z.array(z.object({ id: z.string(), entryName: z.string() })),
});
export type ChangeDetail = z.infer<typeof ChangeDetail>;

export const DashboardHall = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  openNow: z.boolean(),
  openingText: z.string(),
});
export type DashboardHall = z.infer<typeof DashboardHall>;
export const Dashboard = z.object({
  serverTime: z.number(),
  halls: z.array(DashboardHall),
  screens: z.array(ScreenStatus),
  alerts: z.array(Alert),
  changes: z.array(ChangeProgress),
  offlineAfterMs: z.number(),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const AlertsQuery = z.object({
  status: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The live mirror: what the screen holds, to draw its reported state with the player's renderers. */
export const MirrorData = z.object({ manifest: Manifest, datasets: z.array(Dataset) });
export type MirrorData = z.infer<typeof MirrorData>;

// ---- reports ----
export const DateRange = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const PlayGrouping = z.enum(['screen', 'hall', 'campaign', 'list']);
export type PlayGrouping = z.infer<typeof PlayGrouping>;
export const PLAY_GROUPING_LABELS: Record<PlayGrouping, string> = {
  screen: '按屏幕',
  hall: '按大厅',
  campaign: '按宣传活动',
  list: '按名单',
};

export const ProofOfPlayQuery = z
  .object({
    by: PlayGrouping.default('screen'),
    from: IsoDate,
    to: IsoDate,
    hallId: z.string().max(64).optional(),
    screenId: z.string().max(64).optional(),
    campaignId: z.string().max(64).optional(),
  })
  .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type ProofOfPlayQuery = z.infer<typeof ProofOfPlayQuery>;

/** One row of a proof-of-play report: a screen, hall, campaign or list board over the range. */
export const ProofOfPlayRow = z.object({
  key: z.string(),
  name: z.string(),
  /** The hall, for screen rows. */
  hallName: z.string().optional(),
  plays: z.number(),
  /** Total time on screen. */
  playedMs: z.number(),
  screens: z.number(),
  firstAt: z.number().nullable(),
  lastAt: z.number().nullable(),
});
export type ProofOfPlayRow = z.infer<typeof ProofOfPlayRow>;
export const ProofOfPlay = z.object({
  by: PlayGrouping,
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  rows: z.array(ProofOfPlayRow),
  totals: z.object({ plays: z.number(), playedMs: z.number() }),
});
export type ProofOfPlay = z.infer<typeof ProofOfPlay>;

/** 名单展示证明: how long each entry of a batch was visible on each screen inside its window. */
export const ListDisplayRow = z.object({
  entryId: z.string(),
  entryName: z.string(),
  code: z.string(),
  publishFrom: z.string(),
  publishUntil: z.string(),
  status: z.string(),
  screenId: z.string().nullable(),
  screenName: z.string().nullable(),
  hallName: z.string().nullable(),
  visibleMs: z.number(),
  plays: z.number(),
  firstAt: z.number().nullable(),
  lastAt: z.number().nullable(),
});
export type ListDisplayRow = z.infer<typeof ListDisplayRow>;
export const ListDisplayProof = z.object({
  batchId: z.string(),
  title: z.string(),
  categoryName: z.string(),
  publishedAt: z.number().nullable(),
  timezone: z.string(),
  rows: z.array(ListDisplayRow),
});
export type ListDisplayProof = z.infer<typeof ListDisplayProof>;

export const UptimeDay = z.object({
  date: z.string(),
  /** Share of samples (within opening hours) in which the screens were online; null without samples. */
  ratio: z.number().nullable(),
  samples: z.number(),
});
export type UptimeDay = z.infer<typeof UptimeDay>;
export const UptimeByHall = z.object({
  days: z.array(z.string()),
  halls: z.array(z.object({ hallId: z.string(), hallName: z.string(), days: z.array(UptimeDay) })),
});
export type UptimeByHall = z.infer<typeof UptimeByHall>;
export const PlaysPerDay = z.object({
  days: z.array(z.string()),
  halls: z.array(z.object({ hallId: z.string(), hallName: z.string(), plays: z.array(z.number()) })),
});
export type PlaysPerDay = z.infer<typeof PlaysPerDay>;
export const DaysQuery = z.object({ days: z.coerce.number().int().min(1).max(92).default(7) });
export const LimitQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(30) });
