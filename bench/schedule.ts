// Schedule engine benchmark: 7-day timelines for 5,000 screens against 500 campaigns, and a naive
// baseline (core/schedule/naive.ts: dayjs and a scan of every campaign, every minute) on a sample
// of screens, extrapolated to all of them. Both answers are compared at every sampled minute.
//   npx tsx bench/schedule.ts [--json] [--screens N] [--sample N]
// Prints figures; never fails on a time. Exits 1 only if the two disagree somewhere.
import {
  compile,
  naiveMinutes,
  type Playlist,
  type Schedule,
  type ScheduledCampaign,
} from '../core/schedule/index.js';
import type { NaiveMinute } from '../core/schedule/naive.js';
import type { ResolvedSlot, ScheduledEmergency } from '../core/schedule/types.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const JSON_OUT = args.includes('--json');
const SCREENS = flag('--screens', 5000);
const SAMPLE = Math.min(flag('--sample', 20), SCREENS);
const HALLS = 250;
const GROUPS = 50;
const CAMPAIGNS = 500;
const DAYS = 7;
const WEEK_START = '2026-10-19'; // a Monday; Europe/Berlin leaves summer time on the 25th
const MINUTE = 60_000;
const DAY = 86_400_000;

let seed = 20260401;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const _pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const date = (offsetDays: number) =>
  new Date(Date.parse(`${WEEK_START}T00:00Z`) + offsetDays * DAY).toISOString().slice(0, 10);
const hm = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const OTHER_ZONES = [
  'Asia/Urumqi',
  'Asia/Urumqi',
  'Asia/Urumqi',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Hong_Kong',
];
const hallZone = (h: number) =>
  h < 240
    ? 'Asia/Shanghai'
    : ([...OTHER_ZONES, 'Europe/Berlin', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu'][
        h - 240
      ] as string);

function playlist(id: string, n: [number, number], seconds: [number, number], validity = 0): Playlist {
  const entries = Array.from({ length: int(...n) }, (_, i) => {
    const e = { itemId: `${id}-${i}`, durationMs: int(...seconds) * 1000 };
    return rand() < validity ? { ...e, validFrom: date(int(-3, 3)), validUntil: date(int(2, 9)) } : e;
  });
  return { id, name: id, entries };
}

type Target = { kind: 'all' } | { kind: 'groups'; ids: Set<number> } | { kind: 'halls'; ids: Set<number> };

function campaign(k: number): { campaign: ScheduledCampaign; target: Target } {
  const start = int(-40, 6);
  const dayparts = Array.from({ length: rand() < 0.4 ? 0 : int(1, 2) }, () => {
    const s = int(6 * 4, 22 * 4) * 15;
    return { start: hm(s), end: hm(s + int(1, 24) * 15) };
  }).filter((d) => d.start !== d.end);
  const r = rand();
  const ids = (n: number, max: number) => new Set(Array.from({ length: n }, () => int(0, max - 1)));
  const target: Target =
    r < 0.1
      ? { kind: 'all' }
      : r < 0.5
        ? { kind: 'groups', ids: ids(int(1, 3), GROUPS) }
        : { kind: 'halls', ids: ids(int(1, 8), HALLS) };
  return {
    target,
    campaign: {
      id: `camp-${k}`,
      name: `诚信宣传${k}`,
      startDate: date(start),
      endDate: date(start + int(-3, 60)),
      dayparts,
      weekdays: rand() < 0.5 ? [] : [...new Set(Array.from({ length: int(1, 6) }, () => int(1, 7)))],
      excludedDates: rand() < 0.2 ? [date(int(0, 6))] : [],
      priority: rand() < 0.15 ? 'high' : 'normal',
      playlistIds: [...new Set([`cp-${int(0, 599)}`, ...(rand() < 0.3 ? [`cp-${int(0, 599)}`] : [])])],
      sharing: rand() < 0.5 ? 'interleave' : 'fill',
      approvedAt: int(0, 1e9),
    },
  };
}

// --- data -------------------------------------------------------------------------------------
const groupPlaylists = Array.from({ length: GROUPS }, (_, g) => ({
  lists: playlist(`lists-g${g}`, [3, 8], [30, 90]),
  def: playlist(`def-g${g}`, [3, 6], [10, 40], 0.1),
}));
const campaignPlaylists = new Map(
  Array.from({ length: 600 }, (_, k) => [`cp-${k}`, playlist(`cp-${k}`, [2, 6], [8, 45], 0.1)]),
);
const campaigns = Array.from({ length: CAMPAIGNS }, (_, k) => campaign(k));
const hallEmergencies = new Map<number, ScheduledEmergency[]>();
for (let h = 0; h < HALLS; h++) {
  if (rand() >= 0.02) continue;
  const startsAt = Date.parse(`${WEEK_START}T00:00+08:00`) + int(0, DAYS * 24 * 60) * MINUTE;
  hallEmergencies.set(h, [
    {
      id: `em-${h}`,
      itemId: 'notice-urgent',
      startsAt,
      expiresAt: startsAt + int(30, 120) * MINUTE,
      createdAt: h,
    },
  ]);
}
const screens = Array.from({ length: SCREENS }, (_, i) => {
  const hall = i % HALLS;
  return { id: `screen-${i}`, hall, group: hall % GROUPS, timezone: hallZone(hall) };
});
type Screen = (typeof screens)[number];
const targets = (t: Target, s: Screen) =>
  t.kind === 'all' || (t.kind === 'groups' ? t.ids.has(s.group) : t.ids.has(s.hall));

function baseSchedule(s: Screen, chosen: ScheduledCampaign[], playlists: Playlist[]): Schedule {
  const g = groupPlaylists[s.group] as (typeof groupPlaylists)[number];
  return {
    defaultPlaylistId: g.def.id,
    listsPlaylistId: g.lists.id,
    listShare: 0.3,
    cycleMs: 300_000,
    playlists: [g.lists, g.def, ...playlists],
    campaigns: chosen,
    emergencies: hallEmergencies.get(s.hall) ?? [],
    from: 0,
    until: 0,
  };
}

/** What the server would put in the screen's manifest: the campaigns targeting it and their playlists. */
function screenSchedule(s: Screen): Schedule {
  const chosen = campaigns.filter((c) => targets(c.target, s)).map((c) => c.campaign);
  const ids = new Set(chosen.flatMap((c) => c.playlistIds));
  return baseSchedule(
    s,
    chosen,
    [...ids].flatMap((id) => campaignPlaylists.get(id) ?? []),
  );
}

// --- runs -------------------------------------------------------------------------------------
const sampleIdx = new Set<number>();
for (let h = 240; h < HALLS && sampleIdx.size < SAMPLE; h += 1) if (h < SCREENS) sampleIdx.add(h);
for (let k = 0; sampleIdx.size < SAMPLE; k++) sampleIdx.add(Math.floor((k * SCREENS) / SAMPLE + k) % SCREENS);

const cpuSince = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function runHallcast() {
  const kept = new Map<number, { from: number; slots: ResolvedSlot[] }>();
  let slots = 0;
  peakRss = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < screens.length; i++) {
    const s = screens[i] as Screen;
    const compiled = compile(screenSchedule(s), s);
    const from = compiled.dayPlan(Math.floor(Date.parse(`${WEEK_START}T00:00Z`) / DAY)).day.start;
    const tl = compiled.timeline(from, from + DAYS * DAY);
    slots += tl.length;
    if (sampleIdx.has(i)) kept.set(i, { from, slots: tl });
    sampleRss();
  }
  const ms = performance.now() - t0;
  return { ms, cpuMs: cpuSince(cpu0), answers: slots, kept, peakRss };
}

function runBaseline(kept: Map<number, { from: number; slots: ResolvedSlot[] }>) {
  const all = campaigns.map((c) => c.campaign);
  const allPlaylists = [...campaignPlaylists.values()];
  const targetOf = new Map(campaigns.map((c) => [c.campaign, c.target]));
  let minutes = 0;
  let mismatches = 0;
  let ms = 0;
  let cpuMs = 0;
  peakRss = 0;
  for (const [i, { from, slots }] of kept) {
    const s = screens[i] as Screen;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const accepts = (c: ScheduledCampaign) => targets(targetOf.get(c) as Target, s);
    const naive = naiveMinutes(baseSchedule(s, all, allPlaylists), s, from, DAYS * 1440, { accepts });
    ms += performance.now() - t0;
    cpuMs += cpuSince(cpu0);
    sampleRss();
    minutes += naive.length;
    mismatches += disagreements(naive, slots);
  }
  return { ms, cpuMs, answers: minutes, mismatches, peakRss };
}

/** Minutes at which the naive answer and the timeline slot covering that minute differ. */
function disagreements(naive: NaiveMinute[], slots: ResolvedSlot[]): number {
  let count = 0;
  let j = 0;
  for (const m of naive) {
    while (j < slots.length && (slots[j] as ResolvedSlot).endsAt <= m.t) j++;
    const got = slots[j] && (slots[j] as ResolvedSlot).startsAt <= m.t ? slots[j] : undefined;
    const same =
      (got?.itemId ?? null) === m.itemId &&
      got?.reason === m.reason &&
      got?.campaignId === m.campaignId &&
      got?.emergencyId === m.emergencyId &&
      got?.playlistId === m.playlistId;
    if (!same) count++;
  }
  return count;
}

// --- report -----------------------------------------------------------------------------------
const hallcast = runHallcast();
const baseline = runBaseline(hallcast.kept);
const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
type Phase = { ms: number; cpuMs: number; answers: number; peakRss: number };
/** The same fields for both sides; the baseline's totals are measured on its sample only. */
const figures = (p: Phase, measured: number) => ({
  screens: SCREENS,
  screensMeasured: measured,
  days: DAYS,
  totalMs: r1(p.ms),
  perScreenMs: r3(p.ms / measured),
  extrapolatedTotalMs: r1((p.ms / measured) * SCREENS),
  cpuMs: r1(p.cpuMs),
  perScreenCpuMs: r3(p.cpuMs / measured),
  answers: p.answers,
  answersPerScreen: Math.round(p.answers / measured),
  peakRssMb: mb(p.peakRss),
  comparedMinutes: baseline.answers,
  mismatches: baseline.mismatches,
});
const h = figures(hallcast, SCREENS);
const b = figures(baseline, hallcast.kept.size);
const ratio = {
  perScreen: r1(b.perScreenMs / h.perScreenMs),
  perScreenCpu: r1(b.perScreenCpuMs / h.perScreenCpuMs),
  extrapolatedTotal: r1(b.extrapolatedTotalMs / h.extrapolatedTotalMs),
  peakRss: r3(b.peakRssMb / h.peakRssMb),
};

if (JSON_OUT) {
  console.log(JSON.stringify({ hallcast: h, baseline: b, ratio }));
} else {
  const lines = [
    `schedule bench: ${SCREENS} screens, ${CAMPAIGNS} campaigns, ${DAYS}-day timelines from ${WEEK_START}`,
    `hallcast  all ${h.screensMeasured} screens: total ${h.totalMs} ms (CPU ${h.cpuMs} ms), ${h.perScreenMs} ms/screen`,
    `          (CPU ${h.perScreenCpuMs}), ${h.answersPerScreen} slots/screen (every item play), peak RSS ${h.peakRssMb} MB`,
    `baseline  measured on a sample of ${b.screensMeasured} screens: ${b.totalMs} ms (CPU ${b.cpuMs} ms),`,
    `          ${b.perScreenMs} ms/screen (CPU ${b.perScreenCpuMs}), one answer per minute (${b.answersPerScreen}/screen),`,
    `          peak RSS ${b.peakRssMb} MB. A full run would take too long: extrapolated linearly to`,
    `          ${SCREENS} screens, ${b.extrapolatedTotalMs} ms (${r1(b.extrapolatedTotalMs / 60_000)} min)`,
    `ratio     baseline/hallcast per screen: ×${ratio.perScreen} wall, ×${ratio.perScreenCpu} CPU; peak RSS ×${ratio.peakRss}`,
    `agreement ${b.comparedMinutes} sampled minutes compared, ${b.mismatches} mismatches`,
    'notes     wall times include whatever else the machine runs; peak RSS is process-wide and the',
    '          baseline runs second, on a heap the first phase grew',
  ];
  console.log(lines.join('\n'));
}
if (baseline.mismatches > 0) process.exitCode = 1;
