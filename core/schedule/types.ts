import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

/** One entry of a playlist: an item id from the manifest's items, with an optional validity. */
export const PlaylistEntry = z.object({
  itemId: z.string(),
  durationMs: z.number().int().positive(),
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.optional(),
});
export type PlaylistEntry = z.infer<typeof PlaylistEntry>;

export const Playlist = z.object({
  id: z.string(),
  name: z.string(),
  entries: z.array(PlaylistEntry),
});
export type Playlist = z.infer<typeof Playlist>;

/** A time window within a day in the screen's timezone; end before start wraps midnight. */
export const Daypart = z
  .object({ start: HourMinute, end: HourMinute })
  .refine((d) => d.start !== d.end, { message: '时段的开始与结束不能相同' });
export type Daypart = z.infer<typeof Daypart>;

export const CampaignPriority = z.enum(['normal', 'high']);
export type CampaignPriority = z.infer<typeof CampaignPriority>;

/**
 * An approved campaign as the schedule sees it. Dates are inclusive, in the screen's
 * timezone; weekdays are ISO (1 = Monday .. 7 = Sunday); no dayparts means all day.
 */
export const ScheduledCampaign = z.object({
  id: z.string(),
  name: z.string(),
  startDate: IsoDate,
  endDate: IsoDate,
  dayparts: z.array(Daypart),
  weekdays: z.array(z.number().int().min(1).max(7)),
  excludedDates: z.array(IsoDate),
  priority: CampaignPriority,
  playlistIds: z.array(z.string()).min(1),
  /** interleave: alternate with the lists; fill: take what is left after the lists' share. */
  sharing: z.enum(['interleave', 'fill']),
  /** Approval instant (UTC ms): the newer wins a tie of equal priority. */
  approvedAt: z.number(),
});
export type ScheduledCampaign = z.infer<typeof ScheduledCampaign>;

/** An emergency notice: wins over everything between its start and expiry (UTC ms). */
export const ScheduledEmergency = z.object({
  id: z.string(),
  itemId: z.string(),
  startsAt: z.number(),
  expiresAt: z.number(),
  createdAt: z.number(),
});
export type ScheduledEmergency = z.infer<typeof ScheduledEmergency>;

/**
 * What a screen's manifest carries so that the player can resolve on its own:
 * the playlists it may need, the campaigns and emergencies targeting it, and
 * the credit lists' guaranteed share of every hour.
 */
export const Schedule = z.object({
  /** The screen group's default playlist: plays whenever nothing else does. */
  defaultPlaylistId: z.string(),
  /** The rotation of list boards that fills the lists' share of airtime. */
  listsPlaylistId: z.string(),
  /** Minimum share of every hour given to the credit lists, 0..1 (docs/DOMAIN.md "Airtime"). */
  listShare: z.number().min(0).max(1),
  /** Length of one airtime cycle in ms; each cycle opens with the lists' share. */
  cycleMs: z.number().int().positive(),
  playlists: z.array(Playlist),
  campaigns: z.array(ScheduledCampaign),
  emergencies: z.array(ScheduledEmergency),
  /** First instant covered (UTC ms) and the last; at least 7 days apart. */
  from: z.number(),
  until: z.number(),
});
export type Schedule = z.infer<typeof Schedule>;

/** Why an item plays: shown in the admin preview and the week view. */
export const SlotReason = z.enum(['emergency', 'lists-share', 'campaign', 'default']);
export type SlotReason = z.infer<typeof SlotReason>;

/** What plays on a screen at an instant, and for how long it keeps playing. */
export const ResolvedSlot = z.object({
  itemId: z.string(),
  playlistId: z.string(),
  campaignId: z.string().optional(),
  emergencyId: z.string().optional(),
  reason: SlotReason,
  /** When this item started and when it ends (UTC ms). */
  startsAt: z.number(),
  endsAt: z.number(),
});
export type ResolvedSlot = z.infer<typeof ResolvedSlot>;

/** What core/schedule needs to know of a screen. */
export interface ScheduleScreen {
  id: string;
  timezone: string;
}
