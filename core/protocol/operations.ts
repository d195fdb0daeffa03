import { z } from 'zod';
import type { Dataset } from '../credit/dataset.js';
import type { Manifest } from '../manifest/types.js';
import type { Alert, ChangeProgress, ScreenStatus } from './events.js';

/** Operations: the dashboard, convergence, alerts, remote commands and reports. */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/** One screen's place in a change: pending -> received -> rendered, or why it is not there yet. */
export type ConvergenceState = 'pending' | 'received' | 'rendered' | 'offline' | 'timeout';
export interface ChangeScreen {
  screenId: string;
  screenName: string;
  hallName: string;
  revision: number;
  state: ConvergenceState;
  receivedAt: number | null;
  renderedAt: number | null;
  /** Time from the change to rendered. */
  ms: number | null;
}
export interface ChangeDetail extends ChangeProgress {
  actor: string | null;
  screens: ChangeScreen[];
  /** The takedowns this change carries out (withdrawals and corrections). */
  takedowns: { id: string; entryName: string }[];
}

export interface DashboardHall {
  id: string;
  name: string;
  timezone: string;
  openNow: boolean;
  openingText: string;
}
export interface Dashboard {
  serverTime: number;
  halls: DashboardHall[];
  screens: ScreenStatus[];
  alerts: Alert[];
  changes: ChangeProgress[];
  offlineAfterMs: number;
}

export const AlertsQuery = z.object({
  status: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The live mirror: what the screen holds, to draw its reported state with the player's renderers. */
export interface MirrorData {
  manifest: Manifest;
  datasets: Dataset[];
}

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
export interface ProofOfPlayRow {
  key: string;
  name: string;
  /** The hall, for screen rows. */
  hallName?: string;
  plays: number;
  /** Total time on screen. */
  playedMs: number;
  screens: number;
  firstAt: number | null;
  lastAt: number | null;
}
export interface ProofOfPlay {
  by: PlayGrouping;
  from: string;
  to: string;
  timezone: string;
  rows: ProofOfPlayRow[];
  totals: { plays: number; playedMs: number };
}

/** 名单展示证明: how long each entry of a batch was visible on each screen inside its window. */
export interface ListDisplayRow {
  entryId: string;
  entryName: string;
  code: string;
  publishFrom: string;
  publishUntil: string;
  status: string;
  screenId: string | null;
  screenName: string | null;
  hallName: string | null;
  visibleMs: number;
  plays: number;
  firstAt: number | null;
  lastAt: number | null;
}
export interface ListDisplayProof {
  batchId: string;
  title: string;
  categoryName: string;
  publishedAt: number | null;
  timezone: string;
  rows: ListDisplayRow[];
}

export interface UptimeDay {
  date: string;
  /** Share of samples (within opening hours) in which the screens were online; null without samples. */
  ratio: number | null;
  samples: number;
}
export interface UptimeByHall {
  days: string[];
  halls: { hallId: string; hallName: string; days: UptimeDay[] }[];
}
export interface PlaysPerDay {
  days: string[];
  halls: { hallId: string; hallName: string; plays: number[] }[];
}
export const DaysQuery = z.object({ days: z.coerce.number().int().min(1).max(92).default(7) });
export const LimitQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(30) });
