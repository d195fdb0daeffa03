import type { Db } from './db.js';

export interface UptimeSample {
  screen_id: string;
  day: string;
  hall_id: string;
  online: 0 | 1;
}
export interface PlayAggregateRow {
  key: string | null;
  plays: number;
  played_ms: number;
  screens: number;
  first_at: number | null;
  last_at: number | null;
}
export interface PlayFilter {
  from: number;
  to: number;
  hallId: string | null;
  screenId: string | null;
  campaignId: string | null;
}
export interface BatchEntryRow {
  id: string;
  name_display: string;
  code_display: string;
  publish_from: string;
  publish_until: string;
  status: string;
}
export interface EntryDisplayRow {
  entry_id: string;
  screen_id: string;
  visible_ms: number;
  plays: number;
  first_at: number;
  last_at: number;
}

// Filters are parameters on one fixed statement per grouping, never SQL built from input.
const FILTER = `p.started_at >= @from AND p.started_at < @to
  AND (@screenId IS NULL OR p.screen_id = @screenId)
  AND (@campaignId IS NULL OR p.campaign_id = @campaignId)
  AND (@hallId IS NULL OR s.hall_id = @hallId)`;
const AGGREGATES = `count(*) AS plays, coalesce(sum(max(p.ended_at - p.started_at, 0)), 0) AS played_ms,
  count(DISTINCT p.screen_id) AS screens, min(p.started_at) AS first_at, max(p.ended_at) AS last_at`;
const FROM = 'FROM plays p JOIN screens s ON s.id = p.screen_id';

/** Aggregates for the operations reports: uptime samples, proof of play, list display. */
export function createReportStore(db: Db) {
  const sample = db.prepare(
    `INSERT INTO uptime_samples (screen_id, day, hall_id, expected, online) VALUES (@screen_id, @day, @hall_id, 1, @online)
     ON CONFLICT (screen_id, day) DO UPDATE SET expected = expected + 1, online = online + excluded.online`,
  );
  const uptime = db.prepare<
    [string, string],
    { hall_id: string; day: string; expected: number; online: number }
  >(
    `SELECT hall_id, day, sum(expected) AS expected, sum(online) AS online FROM uptime_samples
     WHERE day >= ? AND day <= ? GROUP BY hall_id, day`,
  );
  const purgeUptime = db.prepare('DELETE FROM uptime_samples WHERE day < ?');
  const playsInHall = db.prepare<[string, number, number], { n: number }>(
    `SELECT count(*) AS n FROM plays p JOIN screens s ON s.id = p.screen_id
     WHERE s.hall_id = ? AND p.started_at >= ? AND p.started_at < ?`,
  );
  const by = {
    screen: db.prepare<PlayFilter, PlayAggregateRow>(
      `SELECT p.screen_id AS key, ${AGGREGATES} ${FROM} WHERE ${FILTER} GROUP BY p.screen_id`,
    ),
    hall: db.prepare<PlayFilter, PlayAggregateRow>(
      `SELECT s.hall_id AS key, ${AGGREGATES} ${FROM} WHERE ${FILTER} GROUP BY s.hall_id`,
    ),
    campaign: db.prepare<PlayFilter, PlayAggregateRow>(
      `SELECT p.campaign_id AS key, ${AGGREGATES} ${FROM} WHERE ${FILTER} AND p.campaign_id IS NOT NULL
       GROUP BY p.campaign_id`,
    ),
    list: db.prepare<PlayFilter, PlayAggregateRow>(
      `SELECT p.item_id AS key, ${AGGREGATES} ${FROM} WHERE ${FILTER} AND p.kind = 'list-board'
       GROUP BY p.item_id`,
    ),
  };
  const batchEntries = db.prepare<[string], BatchEntryRow>(
    `SELECT id, name_display, code_display, publish_from, publish_until, status FROM entries
     WHERE batch_id = ? ORDER BY row_number, created_at`,
  );
  const entryDisplay = db.prepare<
    { batchId: string; from: number; to: number; offsetS: number },
    EntryDisplayRow
  >(
    `SELECT e.id AS entry_id, p.screen_id AS screen_id,
       sum(json_extract(je.value, '$.visibleMs')) AS visible_ms, count(*) AS plays,
       min(p.started_at) AS first_at, max(p.ended_at) AS last_at
     FROM plays p JOIN json_each(p.entries) je
       JOIN entries e ON e.id = json_extract(je.value, '$.entryId')
     WHERE p.entries IS NOT NULL AND p.started_at >= @from AND p.started_at < @to AND e.batch_id = @batchId
       AND date(p.started_at / 1000 + @offsetS, 'unixepoch') BETWEEN e.publish_from AND e.publish_until
     GROUP BY e.id, p.screen_id`,
  );
  const names = {
    screens: db.prepare<[], { id: string; name: string; hall_id: string }>(
      'SELECT id, name, hall_id FROM screens',
    ),
    halls: db.prepare<[], { id: string; name: string }>('SELECT id, name FROM halls'),
    campaigns: db.prepare<[], { id: string; name: string }>('SELECT id, name FROM campaigns'),
    items: db.prepare<[], { id: string; name: string }>('SELECT id, name FROM items'),
  };
  return {
    addUptimeSamples: db.transaction((rows: UptimeSample[]) => {
      for (const r of rows) sample.run(r);
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
