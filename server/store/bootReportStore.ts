import type { BootReport, BootReportRecord } from '../../core/protocol/events.js';
import type { Db } from './db.js';

interface BootReportRow {
  id: number;
  received_at: number;
  ip: string;
  reason: BootReport['reason'];
  engine_name: 'chromium' | 'other';
  engine_major: number | null;
  engine_android: number | null;
  webview: number;
  user_agent: string;
  errors: string;
  path: string;
}

const toRecord = (r: BootReportRow): BootReportRecord => ({
  id: r.id,
  receivedAt: r.received_at,
  ip: r.ip,
  reason: r.reason,
  engine: {
    name: r.engine_name,
    major: r.engine_major,
    android: r.engine_android,
    webview: r.webview === 1,
    ua: r.user_agent,
  },
  errors: JSON.parse(r.errors) as string[],
  path: r.path,
});

/** What the player page's boot script reported from boxes that cannot run the player (table `boot_reports`). */
export function createBootReportStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO boot_reports (received_at, ip, reason, engine_name, engine_major, engine_android, webview,
       user_agent, errors, path)
     VALUES (@receivedAt, @ip, @reason, @engineName, @engineMajor, @engineAndroid, @webview, @ua, @errors, @path)`,
  );
  const prune = db.prepare(
    'DELETE FROM boot_reports WHERE id <= (SELECT id FROM boot_reports ORDER BY id DESC LIMIT 1 OFFSET ?)',
  );
  const latest = db.prepare<[number], BootReportRow>('SELECT * FROM boot_reports ORDER BY id DESC LIMIT ?');
  return {
    /** Stores a report and drops all but the newest `keep`. */
    insert: db.transaction((r: BootReport & { receivedAt: number; ip: string }, keep: number) => {
      insert.run({
        receivedAt: r.receivedAt,
        ip: r.ip,
        reason: r.reason,
        engineName: r.engine.name,
        engineMajor: r.engine.major,
        engineAndroid: r.engine.android,
        webview: r.engine.webview ? 1 : 0,
        ua: r.engine.ua,
        errors: JSON.stringify(r.errors),
        path: r.path,
      });
      prune.run(keep);
    }),
    latest: (limit: number) => latest.all(limit).map(toRecord),
  };
}
