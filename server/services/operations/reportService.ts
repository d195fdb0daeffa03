import type {
  ListDisplayProof,
  ListDisplayRow,
  PlaysPerDay,
  ProofOfPlay,
  ProofOfPlayQuery,
  UptimeByHall,
} from '../../../core/protocol/operations.js';
import { addDays, DEFAULT_TIMEZONE, dateIn, dayjs } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import { notFound } from '../../errors.js';
import type { BatchStore } from '../../store/batchStore.js';
import type { HallStore } from '../../store/hallStore.js';
import type { ReportStore, UptimeSample } from '../../store/reportStore.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { TakedownStore } from '../../store/takedownStore.js';
import { isOpenAt } from '../screens/openingHours.js';
import type { Presence } from '../screens/presence.js';

type Deps = {
  reports: ReportStore;
  screens: ScreenStore;
  halls: HallStore;
  batches: Pick<BatchStore, 'get'>;
  takedowns: Pick<TakedownStore, 'days'>;
  presence: Presence;
  clock: Clock;
};

/** Reports are in the city's zone: the admin shows every instant there. */
const TZ = DEFAULT_TIMEZONE;
const startOf = (date: string, tz = TZ) => dayjs.tz(date, tz).valueOf();

/** The last `n` dates up to today, oldest first. */
function lastDays(today: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addDays(today, i - n + 1));
}

/** Uptime samples, uptime and plays charts, proof of play and 名单展示证明. */
export function createReportService(d: Deps) {
  const dayKind = (date: string) => d.takedowns.days(date, date)[0]?.kind;

  return {
    /** One uptime sample for every screen whose hall is open now. */
    sample(): number {
      const now = d.clock.now();
      // The day each open hall is in; closed halls take no sample.
      const open = new Map(
        d.halls
          .listHalls()
          .filter((h) => isOpenAt(h, now, dayKind))
          .map((h) => [h.id, dateIn(now, h.timezone)]),
      );
      const rows: UptimeSample[] = [];
      for (const s of d.screens.list()) {
        const day = open.get(s.hallId);
        if (day === undefined) continue;
        rows.push({ screenId: s.id, day, hallId: s.hallId, online: d.presence.isOnline(s.id) });
      }
      if (rows.length > 0) d.reports.addUptimeSamples(rows);
      return rows.length;
    },
    uptime(days: number): UptimeByHall {
      const dates = lastDays(dateIn(d.clock.now(), TZ), days);
      const rows = d.reports.uptime(dates[0]!, dates.at(-1)!);
      return {
        days: dates,
        halls: d.halls.listHalls().map((h) => ({
          hallId: h.id,
          hallName: h.name,
          days: dates.map((date) => {
            const r = rows.find((x) => x.hallId === h.id && x.day === date);
            return {
              date,
              samples: r?.expected ?? 0,
              ratio: r && r.expected > 0 ? r.online / r.expected : null,
            };
          }),
        })),
      };
    },
    playsPerDay(days: number): PlaysPerDay {
      const dates = lastDays(dateIn(d.clock.now(), TZ), days);
      return {
        days: dates,
        halls: d.halls.listHalls().map((h) => ({
          hallId: h.id,
          hallName: h.name,
          plays: dates.map((date) =>
            d.reports.playsInHall(h.id, startOf(date, h.timezone), startOf(addDays(date, 1), h.timezone)),
          ),
        })),
      };
    },
    proofOfPlay(q: ProofOfPlayQuery): ProofOfPlay {
      const names = d.reports.names();
      const rows = d.reports
        .playsBy(q.by, {
          from: startOf(q.from),
          to: startOf(addDays(q.to, 1)),
          hallId: q.hallId ?? null,
          screenId: q.screenId ?? null,
          campaignId: q.campaignId ?? null,
        })
        .map((r) => {
          const key = r.key ?? '';
          const screen = names.screens.get(key);
          const name =
            q.by === 'screen'
              ? screen?.name
              : q.by === 'hall'
                ? names.halls.get(key)
                : q.by === 'campaign'
                  ? names.campaigns.get(key)
                  : names.items.get(key.split('@')[0]!);
          return {
            key,
            name: name ?? key,
            ...(screen ? { hallName: names.halls.get(screen.hallId) ?? '' } : {}),
            plays: r.plays,
            playedMs: r.playedMs,
            screens: r.screens,
            firstAt: r.firstAt,
            lastAt: r.lastAt,
          };
        })
        .sort((a, b) => b.playedMs - a.playedMs || a.name.localeCompare(b.name, 'zh-CN'));
      const totals = rows.reduce(
        (t, r) => ({ plays: t.plays + r.plays, playedMs: t.playedMs + r.playedMs }),
        {
          plays: 0,
          playedMs: 0,
        },
      );
      return { by: q.by, from: q.from, to: q.to, timezone: TZ, rows, totals };
    },
    /** 名单展示证明: per entry of the batch, per screen, the time it was visible inside its window. */
    listDisplay(batchId: string): ListDisplayProof {
      const batch = d.batches.get(batchId);
      if (!batch) throw notFound('名单批次');
      const entries = d.reports.batchEntries(batchId);
      const names = d.reports.names();
      const rows: ListDisplayRow[] = [];
      if (entries.length > 0) {
        const first = entries.map((e) => e.publishFrom).sort()[0]!;
        const last = entries
          .map((e) => e.publishUntil)
          .sort()
          .at(-1)!;
        const now = d.clock.now();
        const offsetS = dayjs(now).tz(TZ).utcOffset() * 60;
        const shown = d.reports.entryDisplay(
          batchId,
          startOf(first),
          Math.min(startOf(addDays(last, 1)), now + 1),
          offsetS,
        );
        for (const e of entries) {
          const mine = shown.filter((s) => s.entryId === e.id);
          const base = {
            entryId: e.id,
            entryName: e.nameDisplay,
            code: e.codeDisplay,
            publishFrom: e.publishFrom,
            publishUntil: e.publishUntil,
            status: e.status,
          };
          if (mine.length === 0) {
            rows.push({
              ...base,
              screenId: null,
              screenName: null,
              hallName: null,
              visibleMs: 0,
              plays: 0,
              firstAt: null,
              lastAt: null,
            });
          }
          for (const s of mine) {
            const screen = names.screens.get(s.screenId);
            rows.push({
              ...base,
              screenId: s.screenId,
              screenName: screen?.name ?? s.screenId,
              hallName: screen ? (names.halls.get(screen.hallId) ?? '') : '',
              visibleMs: s.visibleMs,
              plays: s.plays,
              firstAt: s.firstAt,
              lastAt: s.lastAt,
            });
          }
        }
      }
      return {
        batchId,
        title: batch.title,
        categoryName: batch.categoryName,
        publishedAt: batch.publishedAt,
        timezone: TZ,
        rows,
      };
    },
    /** Drops samples older than the retention. */
    purge(beforeDay: string): number {
      return d.reports.purgeUptimeBefore(beforeDay);
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
