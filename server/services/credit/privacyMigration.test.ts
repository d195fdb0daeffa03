import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { type Hallcast, startHallcast } from '../../main.js';
import { loadSecrets, secretsDirOf } from '../../secrets.js';
import { openDb } from '../../store/db.js';
import { Client, pairScreen } from '../../test/harness.js';
import { hashDataset } from '../delivery/datasetService.js';
import { GENESIS, macOf } from '../shared/auditService.js';

const ID = '11010519491231002X';
const ID15 = '110105491231002';
const LEAKS = [ID, ID15, '19491231', '491231002'];
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'hallcast.js');
const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'hallcast-privacy-'));
const config = loadConfig({}, { port: 0, host: '127.0.0.1', dataDir, demo: true, logLevel: 'info' });
const dbFile = join(dataDir, 'hallcast.db');
const logFile = join(dataDir, 'logs', 'hallcast.log');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = () => startHallcast({ config });
const fileBytes = () =>
  [dbFile, `${dbFile}-wal`]
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
const leaked = (text: string) => LEAKS.filter((x) => text.includes(x));

async function hallcast(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, HALLCAST_DATA_DIR: dataDir },
    });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout + x.stderr };
  }
}

/**
 * What a database written before this fix holds: full numbers in every free-text column, audit
 * records chained over them, datasets built from them, anchors logged for that chain; and the
 * schema of before migration 008.
 */
function seedAsBefore008(): {
  from: number;
  to: number;
  oldHead: string;
  midMac: string;
  oldHashes: string[];
} {
  const db = openDb(dbFile);
  const set = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
  set(
    `UPDATE entries SET name = name || ?, name_display = name_display || ?, legal_rep = legal_rep || ?,
     reason = reason || ?, basis = basis || ?, doc_no = doc_no || ?, authority = authority || ?,
     status_reason = ?, status_doc_no = ?, anomaly_reason = ?`,
    ID,
    ID,
    ID15,
    ID,
    ID15,
    `〔${ID}〕`,
    ID,
    `撤下 ${ID}`,
    ID15,
    `接受 ${ID}`,
  );
  set('UPDATE batches SET title = title || ?, source_name = ?, review_comment = ?', ID, `${ID}.xlsx`, ID15);
  set('UPDATE users SET display_name = display_name || ?', ID15);
  set('UPDATE halls SET name = name || ?, repair_window_text = ?', ID, `窗口 ${ID}`);
  set('UPDATE items SET name = name || ?', ID);
  const entry = db.prepare('SELECT id FROM entries LIMIT 1').get() as { id: string };
  set(
    "INSERT INTO changes (id, kind, summary, actor, created_at) VALUES ('c-old', 'withdraw', ?, NULL, 1)",
    `撤下 ${ID}`,
  );
  set(
    "INSERT INTO takedowns (id, entry_id, kind, reason, doc_no, requested_by, requested_at, change_id) VALUES ('t-old', ?, 'repair', ?, ?, NULL, 1, 'c-old')",
    entry.id,
    `申请人 ${ID}`,
    `黑信修〔${ID15}〕`,
  );
  // Audit records chained over full numbers, as the old server wrote them.
  const key = loadSecrets(secretsDirOf(dataDir)).auditKey;
  const last = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; mac: string }
    | undefined;
  let prev = last?.mac ?? GENESIS;
  let seq = last?.seq ?? 0;
  const macs: string[] = [];
  for (const summary of [{ title: `批次 ${ID}` }, { note: '无号码' }, { reason: [`理由 ${ID15}`] }]) {
    seq++;
    const row = {
      seq,
      at: 1000 + seq,
      actor: null,
      action: 'batch.legacy',
      target: null,
      summary: JSON.stringify(summary),
    };
    prev = macOf(key, prev, row);
    macs.push(prev);
    set(
      'INSERT INTO audit_log (seq, at, actor, action, target, summary, mac) VALUES (?, ?, ?, ?, ?, ?, ?)',
      row.seq,
      row.at,
      row.actor,
      row.action,
      row.target,
      row.summary,
      prev,
    );
  }
  // The old server's datasets carried 文号 and 认定部门 as stored, unmasked.
  const oldHashes: string[] = [];
  const current = db
    .prepare(
      'SELECT d.hash, d.list_type, d.category_id, d.body, d.entries FROM current_datasets c JOIN datasets d ON d.hash = c.hash',
    )
    .all() as { hash: string; list_type: string; category_id: string; body: string; entries: number }[];
  for (const d of current) {
    const parsed = JSON.parse(d.body) as { entries: { docNo: string; authority: string }[] };
    for (const e of parsed.entries) {
      e.docNo += `〔${ID}〕`;
      e.authority += ID;
    }
    const body = JSON.stringify(parsed);
    const hash = hashDataset(body);
    oldHashes.push(hash);
    set(
      'INSERT INTO datasets (hash, list_type, category_id, body, entries, created_at) VALUES (?, ?, ?, ?, ?, 1)',
      hash,
      d.list_type,
      d.category_id,
      body,
      d.entries,
    );
    set('UPDATE current_datasets SET hash = ? WHERE category_id = ?', hash, d.category_id);
  }
  // And it anchored the chain in its log, mid-way and at the end.
  for (const head of [macs[0]!, prev]) {
    appendFileSync(
      logFile,
      `${JSON.stringify({ level: 30, time: Date.now(), auditHead: head, msg: 'audit head' })}\n`,
    );
  }
  // Back to the schema before 008: undo 008 and every later migration (009: sign-in and authors;
  // 010: session activity and the sign-in notice; 012: the crypto suites of audit records and identifier hashes; 013: engines and old boxes).
  db.exec(`DROP TABLE boot_steps; DROP TABLE audit_superseded; DROP INDEX audit_log_mac;
    DROP TABLE batch_authors; DROP TABLE campaign_authors; ALTER TABLE login_failures DROP COLUMN username;
    ALTER TABLE sessions DROP COLUMN last_active_at; ALTER TABLE users DROP COLUMN last_login_ip;
    ALTER TABLE users DROP COLUMN failed_logins; DROP INDEX audit_log_actor;
    ALTER TABLE audit_log DROP COLUMN suite; ALTER TABLE entries DROP COLUMN code_suite;
    ALTER TABLE screens DROP COLUMN engine_name; ALTER TABLE screens DROP COLUMN engine_major;
    ALTER TABLE screens DROP COLUMN engine_android; ALTER TABLE screen_groups DROP COLUMN old_boxes;
    DROP TABLE boot_reports;
    DELETE FROM schema_migrations WHERE version >= 8;`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { from: seq - 2, to: seq, oldHead: prev, midMac: macs[0]!, oldHashes };
}

describe('migration 008 on a database holding full ID numbers', () => {
  it('masks every stored copy, re-chains the audit log, rebuilds and publishes the datasets', async () => {
    let hc: Hallcast = await start();
    const { token, screenId } = await pairScreen(
      { hc, url: hc.url, dataDir, close: async () => {} },
      '迁移测试屏',
    );
    const hashesBefore = hc.services.datasets.current().map((d) => d.hash);
    await hc.stop();
    const seeded = seedAsBefore008();
    const revisionBefore = (
      openDb(dbFile).prepare('SELECT revision FROM screens WHERE id = ?').get(screenId) as {
        revision: number;
      }
    ).revision;
    expect(leaked(fileBytes()).length).toBeGreaterThan(0);

    hc = await start();
    try {
      const login = hc.demoLogins!.find((l) => l.role === 'sysadmin')!;
      const admin = new Client(hc.url);
      expect((await admin.login(login.username, login.password)).status).toBe(200);
      const current = hc.services.datasets.current();
      expect(current.length).toBeGreaterThan(0);
      for (const d of current) expect(hashesBefore).not.toContain(d.hash);
      const player = { authorization: `Bearer ${token}` };
      const bodies: string[] = [];
      for (const d of current) {
        const r = await new Client(hc.url).request('GET', `/datasets/${d.hash}`, undefined, player);
        expect(r.status).toBe(200);
        bodies.push(JSON.stringify(r.body));
      }
      expect(bodies.join('')).toContain('〔110105********002X〕');
      // The old bodies are gone, not rewritten under their hash.
      expect(seeded.oldHashes.length).toBeGreaterThan(0);
      for (const h of seeded.oldHashes) {
        expect(current.map((d) => d.hash)).not.toContain(h);
        expect((await new Client(hc.url).request('GET', `/datasets/${h}`, undefined, player)).status).toBe(
          404,
        );
      }
      for (const path of [
        '/api/public/lists.json',
        '/api/exports/lists.html',
        '/api/exports/lists.xlsx',
        '/api/batches',
        '/api/audit?limit=500',
        '/api/dashboard',
        '/api/changes',
        '/api/takedowns',
        '/api/halls',
        '/api/items',
        '/api/users',
      ]) {
        const res = await fetch(`${hc.url}${path}`, { headers: { cookie: admin.cookie } });
        expect(res.status, path).toBe(200);
        const buf = Buffer.from(await res.arrayBuffer());
        const text = path.endsWith('.xlsx') ? await unzipText(buf) : buf.toString('utf8');
        expect(leaked(text), path).toEqual([]);
      }
      const screen = hc.stores.screens.list().find((s) => s.id === screenId)!;
      expect(screen.revision).toBeGreaterThan(revisionBefore);
      const change = hc.db.prepare("SELECT summary FROM changes WHERE kind = 'privacy'").get();
      expect(change).toEqual({ summary: '名单中的证件号码已脱敏' });
      expect(hc.services.audit.verify()).toMatchObject({ ok: true });
      const [rechain] = hc.services.audit.rechains();
      expect(rechain).toMatchObject({ from: seeded.from, to: seeded.to, oldHead: seeded.oldHead });
    } finally {
      await hc.stop();
    }
    expect(leaked(fileBytes())).toEqual([]);

    const verify = await hallcast('audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/审计日志完整/);
    expect(verify.out).toContain(`第 ${seeded.from}–${seeded.to} 条已重新链接`);
    expect(verify.out).toContain(`旧链头 ${seeded.oldHead}`);
    expect(verify.out).toMatch(/新链头 [0-9a-f]{64}/);
    expect(verify.out).toContain(`是重新链接前的第 ${seeded.to} 条记录`);
    expect(verify.out).toContain(`是重新链接前的第 ${seeded.from} 条记录`);
    expect(verify.out).toContain('不是篡改');

    // Once only: a second start finds the step recorded and re-chains nothing.
    hc = await start();
    const rechains = hc.services.audit.rechains().length;
    const steps = hc.db.prepare('SELECT count(*) AS n FROM boot_steps').get();
    await hc.stop();
    expect(rechains).toBe(1);
    expect(steps).toEqual({ n: 1 });

    // An anchor found in neither chain is still reported as tampering.
    appendFileSync(
      logFile,
      `${JSON.stringify({ level: 30, time: Date.now(), auditHead: 'f'.repeat(64), msg: 'audit head' })}\n`,
    );
    const bad = await hallcast('audit', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('在审计日志中找不到');
  }, 120_000);
});

/** The text inside an xlsx (its XML parts), to search for leaks. */
async function unzipText(buf: Buffer): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value)))));
  return out.join('\n');
}
