// REST schemas for programs: media, items, playlists, campaigns, emergencies and the preview.
import { z } from 'zod';
import { Dataset } from '../credit/dataset.js';
import {
  ClockItem,
  ImageItem,
  Item,
  ListBoardItem,
  Manifest,
  NoticeItem,
  TickerItem,
  VideoItem,
} from '../manifest/types.js';
import { CampaignPriority, Daypart, ResolvedSlot } from '../schedule/types.js';
import { TimeZone } from './rest.js';
import { DisplayName, FreeText } from './text.js';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, '日期不存在');

export const Ref = z.object({ id: z.string(), name: z.string() });
export type Ref = z.infer<typeof Ref>;

// ---- media ----
export const MediaInfo = z.object({
  hash: z.string(),
  type: z.enum(['image', 'video']),
  mime: z.string(),
  bytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationMs: z.number().nullable(),
  originalName: z.string(),
  builtin: z.boolean(),
  createdAt: z.number(),
  /** Content items that show this file. */
  usedBy: z.array(Ref),
  /**
   * What old Android boxes (docs/android-boxes.md) make of it: `webm` (VP8/VP9, decoded badly or
   * not at all; refused for groups marked old boxes) and `larger_than_screens` (a video larger
   * than every paired screen's canvas: decoding cost for nothing).
   */
  flags: z.array(z.enum(['webm', 'larger_than_screens'])).optional(),
});
export type MediaInfo = z.infer<typeof MediaInfo>;
export const MediaLibrary = z.object({
  media: z.array(MediaInfo),
  totalBytes: z.number(),
  maxTotalBytes: z.number(),
  maxFileBytes: z.number(),
  /** The largest canvas of any paired screen, null when none is paired. */
  largestCanvas: z.object({ width: z.number(), height: z.number() }).nullable().optional(),
});
export type MediaLibrary = z.infer<typeof MediaLibrary>;
export const MediaUploaded = z.object({
  media: MediaInfo,
  /** The same bytes were already in the library: both names share one file. */
  duplicate: z.boolean(),
});
export type MediaUploaded = z.infer<typeof MediaUploaded>;

// ---- content items ----
const Name = DisplayName('名称', 100, '请填写名称');
const Duration = z.number().int().min(1000, '时长至少 1 秒').max(86_400_000, '时长最多 24 小时');
const common = { name: Name, durationMs: Duration };
const noId = { id: true } as const;

/** An item as the admin creates or edits it: the manifest Item without its id. */
export const ItemInput = z.discriminatedUnion('kind', [
  ListBoardItem.omit(noId).extend(common),
  ImageItem.omit(noId).extend(common),
  VideoItem.omit(noId).extend(common),
  NoticeItem.omit(noId).extend({
    ...common,
    title: FreeText({ label: '标题', min: 1, minMessage: '请填写标题', max: 100 }),
    body: FreeText({ label: '正文', max: 2000, multiline: true }),
  }),
  TickerItem.omit(noId).extend({
    ...common,
    text: FreeText({ label: '字幕内容', min: 1, minMessage: '请填写字幕内容', max: 500 }),
  }),
  ClockItem.omit(noId).extend(common),
]);
export type ItemInput = z.infer<typeof ItemInput>;
export const ItemInfo = z.intersection(Item, z.object({ updatedAt: z.number(), usedBy: z.array(Ref) }));
export type ItemInfo = z.infer<typeof ItemInfo>;

// ---- playlists ----
export const PlaylistEntryInput = z
  .object({
    itemId: z.string().min(1),
    durationMs: Duration,
    validFrom: CalendarDate.optional(),
    validUntil: CalendarDate.optional(),
  })
  .refine((e) => !e.validFrom || !e.validUntil || e.validFrom <= e.validUntil, {
    message: '有效期的结束日期早于开始日期',
    path: ['validUntil'],
  });
export const PlaylistInput = z.object({
  name: Name,
  entries: z.array(PlaylistEntryInput).max(500),
});
export type PlaylistInput = z.infer<typeof PlaylistInput>;
export const PlaylistInfo = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['content', 'lists']),
  entries: z.array(PlaylistEntryInput),
  updatedAt: z.number(),
  usedBy: z.object({ groups: z.array(Ref), campaigns: z.array(Ref) }),
});
export type PlaylistInfo = z.infer<typeof PlaylistInfo>;
/** What an edit to items or playlists did besides saving. */
export interface ProgramEdit<T> {
  saved: T;
  /** Approved campaigns that went back to review (their approved version keeps playing). */
  sentToReview: Ref[];
}
export const ProgramEdit = <T extends z.ZodType>(saved: T) => z.object({ saved, sentToReview: z.array(Ref) });
export const GroupDefaultPlaylist = z.object({ playlistId: z.string().min(1).nullable() });
export type GroupDefaultPlaylist = z.infer<typeof GroupDefaultPlaylist>;

// ---- targets ----
export const Targets = z
  .object({
    all: z.boolean().default(false),
    hallIds: z.array(z.string().min(1)).max(500).default([]),
    groupIds: z.array(z.string().min(1)).max(500).default([]),
    screenIds: z.array(z.string().min(1)).max(5000).default([]),
  })
  .refine((t) => t.all || t.hallIds.length + t.groupIds.length + t.screenIds.length > 0, {
    message: '请选择投放范围：全部屏幕，或大厅、分组、屏幕',
  });
export type Targets = z.infer<typeof Targets>;

// ---- campaigns ----
export const CampaignInput = z
  .object({
    name: Name,
    theme: FreeText({ label: '主题', max: 200 }).default(''),
    startDate: CalendarDate,
    endDate: CalendarDate,
    dayparts: z.array(Daypart).max(12).default([]),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    excludedDates: z.array(CalendarDate).max(366).default([]),
    targets: Targets,
    priority: CampaignPriority.default('normal'),
    playlistIds: z.array(z.string().min(1)).min(1, '请至少选择一个节目单').max(20),
    sharing: z.enum(['interleave', 'fill']).default('fill'),
  })
  .refine((c) => c.endDate >= c.startDate, {
    message: '结束日期早于开始日期',
    path: ['endDate'],
  });
export type CampaignInput = z.infer<typeof CampaignInput>;

export const CampaignStatus = z.enum(['draft', 'submitted', 'approved', 'rejected']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已批准',
  rejected: '已退回',
};
export const Campaign = z.intersection(
  CampaignInput,
  z.object({
    id: z.string(),
    status: CampaignStatus,
    createdBy: z.string().nullable(),
    createdAt: z.number(),
    updatedBy: z.string().nullable(),
    updatedAt: z.number(),
    submittedBy: z.string().nullable(),
    submittedAt: z.number().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.number().nullable(),
    reviewComment: z.string().nullable(),
    /** The approved version, which is what screens play (also while an edit waits for review). */
    approved: z
      .intersection(CampaignInput, z.object({ approvedAt: z.number(), approvedBy: z.string().nullable() }))
      .nullable(),
  }),
);
export type Campaign = z.infer<typeof Campaign>;
export const ReviewComment = z.object({ comment: FreeText({ label: '审核意见', max: 500 }).optional() });
export const RejectInput = z.object({
  comment: FreeText({ label: '退回理由', min: 1, minMessage: '请填写退回理由', max: 500 }),
});

// ---- emergencies ----
export const EmergencyInput = z.object({
  title: FreeText({ label: '标题', min: 1, minMessage: '请填写标题', max: 60 }),
  body: FreeText({ label: '正文', max: 500, multiline: true }).default(''),
  targets: Targets,
  /** How long it shows; the server's default when absent, never more than its maximum. */
  durationMs: z.number().int().min(60_000, '至少 1 分钟').optional(),
});
export type EmergencyInput = z.infer<typeof EmergencyInput>;
export const EmergencyScreen = z.object({
  screenId: z.string(),
  name: z.string(),
  online: z.boolean(),
  receivedAt: z.number().nullable(),
  renderedAt: z.number().nullable(),
  /** This notice is the one the screen shows now (the newest active one targeting it). */
  showing: z.boolean(),
});
export type EmergencyScreen = z.infer<typeof EmergencyScreen>;
export const Emergency = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  targets: Targets,
  startsAt: z.number(),
  expiresAt: z.number(),
  createdBy: z.string().nullable(),
  createdAt: z.number(),
  revertedBy: z.string().nullable(),
  revertedAt: z.number().nullable(),
  active: z.boolean(),
  changeId: z.string().nullable(),
  screens: z.array(EmergencyScreen),
});
export type Emergency = z.infer<typeof Emergency>;
export const EmergencyList = z.object({
  emergencies: z.array(Emergency),
  defaultMs: z.number(),
  maxMs: z.number(),
});
export type EmergencyList = z.infer<typeof EmergencyList>;

// ---- preview ----
export const PreviewQuery = z.object({
  /** Epoch ms, or a wall time YYYY-MM-DDTHH:mm in `timezone` (default: the screen's). */
  at: z.string().regex(/^(\d{1,16}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/, '时间格式为毫秒数或 YYYY-MM-DDTHH:mm'),
  timezone: TimeZone.optional(),
});
export const Preview = z.object({
  at: z.number(),
  timezone: z.string(),
  /** The manifest as the screen would hold it at `at` (campaigns as approved now). */
  manifest: Manifest,
  /** What core/schedule resolves for `at`, computed on the server (the player computes the same). */
  slot: ResolvedSlot.nullable(),
  /** The list datasets the manifest names (masked values only). */
  datasets: z.array(Dataset),
});
export type Preview = z.infer<typeof Preview>;
