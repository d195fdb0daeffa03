import type { Db } from './db.js';

/** One screen's sample of a day: whether it was online when its hall was open. */
export interface UptimeSample {
  screenId: string;
  day: string;
  hallId: string;
  online: boolean;
}
/** Plays grouped by a key (screen, hall, campaign or list item). */
export interface PlayAggregate {
  key: string | null;
  plays: number;
  playedMs: number;
  screens: number;
  firstAt: number | null;
  lastAt: number | null;
}
export interface PlayFilter {
  from: number;
  to: number;
  hallId: string | null;
  screenId: string | null;
  campaignId: string | null;
}
/** What the list-display proof names of each entry of a batch. */
export interface BatchEntrySummary {
  id: string;
  nameDisplay: string;
  codeDisplay: string;
  publishFrom: string;
  publishUntil: string;
  status: string;
}
/** How long one entry was visible on one screen. */
export interface EntryDisplay {
  entryId: string;
  screenId: string;
  visibleMs: number;
  plays: number;
  firstAt: number;
  lastAt: number;
}

// Filters are parameters on one fixed statement per grouping, never SQL built from input.
const FILTER = `p.started_at >= @from AND p.started_at < @to
  AND (@screenId IS NULL OR p.screen_id = @screenId)
  AND (@campaignId IS NULL OR p.campaign_id = @campaignId)
  AND (@hallId IS NULL OR s.hall_id = @hallId)`;
const AGGREGATES = `count(*) AS plays, coalesce(sum(max(p.ended_at - p.started_at, 0)), 0) AS playedMs,
  count(DISTINCT p.screen_id) AS screens, min(p.started_at) AS firstAt, max(p.ended_at) AS lastAt`;
const FROM = 'FROM plays p JOIN screens s ON s.id = p.screen_id';

/** Aggregates for the operations reports: uptime samples, proof of play, list display. */
export function createReportStore(db: Db) {
  const sample = db.prepare(
    `INSERT INTO uptime_samples (screen_id, day, hall_id, expected, online) VALUES (@screenId, @day, @hallId, 1, @online)
     ON CONFLICT (screen_id, day) DO UPDATE SET expected = expected + 1, online = online + excluded.online`,
  );
  const uptime = db.prepare<
    [string, string],
    { hallId: string; day: string; expected: number; online: number }
  >(
    `SELECT hall_id AS hallId, day, sum(expected) AS expected, sum(online) AS online FROM uptime_samples
     WHERE day >= ? AND day <= ? GROUP BY hall_id, day`,
  );
  const purgeUptime = db.prepare('DELETE FROM uptime_samples WHERE day < ?');
  const playsInHall = db.prepare<[string, number, number], { n: number }>(
    `SELECT count(*) AS n FROM plays p JOIN screens s ON s.id = p.screen_id
     WHERE s.hall_id = ? AND p.started_at >= ? AND p.started_at < ?`,
  );
  const by = {
    screen: db.prepare<PlayFilter, PlayAggregate>(
      `SELECT p.screen_id AS key, ${AGGREGATES} ${FROM} WHERE ${FILTER} GROUP BY p.screen_id`,
    ),
    hall: db.prepare<PlayFilter, PlayAggregate>(
      `SELECT s.hall_id AS key, ${AGGREGATES} ${FROM} WHERE ${FILTER} GROUP BY s.hall_id`,
    ),
    campaign: db.prepare<PlayFilter, PlayAggregate>(
      `SELECT p.campaign_id AS key, ${AGGREGATES} ${FROM} WHERE ${FILTER} AND p.campaign_id IS NOT NULL
       GROUP BY p.campaign_id`,
    ),
    list: db.prepare<PlayFilter, PlayAggregate>(
      `SELECT p.item_id AS key, ${AGGREGATES} ${FROM} WHERE ${FILTER} AND p.kind = 'list-board'
       GROUP BY p.item_id`,
    ),
  };
  const batchEntries = db.prepare<[string], BatchEntrySummary>(
    `SELECT id, name_display AS nameDisplay, code_display AS codeDisplay, publish_from AS publishFrom,
       publish_until AS publishUntil, status FROM entries
     WHERE batch_id = ? ORDER BY row_number, created_at`,
  );
  const entryDisplay = db.prepare<
    { batchId: string; from: number; to: number; offsetS: number },
    EntryDisplay
  >(
    `SELECT e.id AS entryId, p.screen_id AS screenId,
       sum(json_extract(je.value, '$.visibleMs')) AS visibleMs, count(*) AS plays,
       min(p.started_at) AS firstAt, max(p.ended_at) AS lastAt
     FROM plays p JOIN json_each(p.entries) je
       JOIN entries e ON e.id = json_extract(je.value, '$.entryId')
     WHERE p.entries IS NOT NULL AND p.started_at >= @from AND p.started_at < @to AND e.batch_id = @batchId
       AND date(p.started_at / 1000 + @offsetS, 'unixepoch') BETWEEN e.publish_from AND e.publish_until
     GROUP BY e.id, p.screen_id`,
  );
  const names = {
    screens: db.prepare<[], { id: string; name: string; hallId: string }>(
      'SELECT id, name, hall_id AS hallId FROM screens',
    ),
    halls: db.prepare<[], { id: string; name: string }>('SELECT id, name FROM halls'),
    campaigns: db.prepare<[], { id: string; name: string }>('SELECT id, name FROM campaigns'),
    items: db.prepare<[], { id: string; name: string }>('SELECT id, name FROM items'),
  };
  return {
    addUptimeSamples: db.transaction((rows: UptimeSample[]) => {
      for (const r of rows) sample.run({ ...r, online: r.online ? 1 : 0 });
    }),
    uptime: (fromDay: string, toDay: string) => uptime.all(fromDay, toDay),
    purgeUptimeBefore: (day: string) => purgeUptime.run(day).changes,
    playsInHall: (hallId: string, from: number, to: number) => playsInHall.get(hallId, from, to)?.n ?? 0,
    playsBy: (grouping: keyof typeof by, f: PlayFilter) => by[grouping].all(f),
    batchEntries: (batchId: string) => batchEntries.all(batchId),
    entryDisplay: (batchId: string, from: number, to: number, offsetS: number) =>
      entryDisplay.all({ batchId, from, to, offsetS }),
    /** id -> name maps for labelling report rows (revoked screens included). */
    names: () => ({
      screens: new Map(names.screens.all().map((r) => [r.id, r])),
      halls: new Map(names.halls.all().map((r) => [r.id, r.name])),
      campaigns: new Map(names.campaigns.all().map((r) => [r.id, r.name])),
      items: new Map(names.items.all().map((r) => [r.id, r.name])),
    }),
  };
}
export type ReportStore = ReturnType<typeof createReportStore>;
