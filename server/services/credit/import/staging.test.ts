import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../../../core/credit/index.js';
import { ManualClock } from '../../../clock.js';
import { loadConfig } from '../../../config.js';
import { startHallcast } from '../../../main.js';
import {
  batchCount,
  csv,
  entryCount,
  HEADER,
  orgRow,
  personRow,
  upload,
  xlsx,
} from '../../../test/creditFixtures.js';
import { Client, loginAs, startTestServer, type TestServer, until } from '../../../test/harness.js';

const TTL = 10 * 60_000;
const OVERRIDES = { importTtlMs: TTL, maxStagedRowsPerUser: 10, maxStagedRows: 16, expiryCheckMs: 50 };
const clock = new ManualClock(Date.UTC(2026, 10, 27, 2, 0, 0));

let t: TestServer;
let editor: Client;
let editor2: Client;
let editor3: Client;
let admin: Client;

const count = (table: 'import_previews' | 'import_preview_rows') =>
  (t.hc.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const staged = () => [count('import_previews'), count('import_preview_rows')];
const written = () => [batchCount(t), entryCount(t)];
const rowsCsv = (n: number) => csv(Array.from({ length: n }, () => orgRow()));

/** A second list editor, created by the admin, password changed, signed in. */
async function newEditor(username: string): Promise<Client> {
  const created = await admin.request('POST', '/api/users', {
    username,
    displayName: '第二编辑',
    role: 'list-editor',
  });
  const c = new Client(t.url);
  await c.login(username, created.body.temporaryPassword);
  await c.request('POST', '/api/auth/password', {
    currentPassword: created.body.temporaryPassword,
    newPassword: 'another-long-secret-9',
  });
  return c;
}

/** Waits until the staging tables hold nothing but the open previews given. */
async function sweptTo(previews: number, rows: number) {
  await t.hc.services.credit.imports.sweep();
  await until(() => count('import_previews') === previews && count('import_preview_rows') === rows);
}

beforeAll(async () => {
  t = await startTestServer(OVERRIDES, clock);
  editor = await loginAs(t, 'list-editor');
  admin = await loginAs(t, 'sysadmin');
  editor2 = await newEditor('bianji2');
  editor3 = await newEditor('bianji3');
  await sweptTo(0, 0); // the demo's own imports are confirmed and gone
});
afterAll(async () => {
  await t.close();
});

describe('a preview belongs to its uploader', () => {
  it('refuses another editor its rows, its confirmation and its abandonment, and an administrator any import; the uploader still can', async () => {
    const r = await upload(t, editor, rowsCsv(3));
    expect(r.status).toBe(201);
    const before = written();
    // The system administrator holds no list rights at all.
    for (const [method, path] of [
      ['POST', `/api/imports/${r.body.id}/confirm`],
      ['GET', `/api/imports/${r.body.id}/rows`],
      ['DELETE', `/api/imports/${r.body.id}`],
    ] as const)
      expect(
        (await admin.request(method, path, method === 'POST' ? { title: '冒名确认' } : undefined)).status,
      ).toBe(403);
    for (const other of [editor2]) {
      const confirm = await other.request('POST', `/api/imports/${r.body.id}/confirm`, { title: '冒名确认' });
      expect(confirm.status).toBe(403);
      expect(confirm.body.error.code).toBe('import_not_yours');
      expect(confirm.body.error.message).toMatch(/上传者本人/);
      const rows = await other.request('GET', `/api/imports/${r.body.id}/rows`);
      expect(rows.status).toBe(403);
      expect(rows.body.error.code).toBe('import_not_yours');
      expect(rows.body.rows).toBeUndefined();
      const del = await other.request('DELETE', `/api/imports/${r.body.id}`);
      expect(del.status).toBe(403);
      expect((await other.request('GET', '/api/imports')).body).toEqual([]);
    }
    expect(written()).toEqual(before);
    expect(staged()).toEqual([1, 3]);
    // The uploader's preview is untouched.
    const mine = await editor.request('GET', '/api/imports');
    expect(mine.body.map((p: { id: string }) => p.id)).toEqual([r.body.id]);
    expect((await editor.request('GET', `/api/imports/${r.body.id}/rows`)).body.total).toBe(3);
    const batch = await editor.request('POST', `/api/imports/${r.body.id}/confirm`, { title: '本人确认' });
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ entries: 3, status: 'draft' });
    const row = t.hc.db.prepare('SELECT created_by FROM batches WHERE id = ?').get(batch.body.id) as {
      created_by: string;
    };
    expect(row.created_by).toBe(
      t.hc.stores.users.getByUsername(t.hc.demoLogins!.find((l) => l.role === 'list-editor')!.username)!.id,
    );
    expect(written()).toEqual([before[0]! + 1, before[1]! + 3]);
    await sweptTo(0, 0);
  });

  it('lets the uploader abandon a preview: gone at once, its rows deleted', async () => {
    const r = await upload(t, editor, rowsCsv(4));
    expect(staged()).toEqual([1, 4]);
    const before = written();
    const del = await editor.request('DELETE', `/api/imports/${r.body.id}`);
    expect(del.status).toBe(204);
    for (const [method, path, body] of [
      ['GET', `/api/imports/${r.body.id}/rows`, undefined],
      ['POST', `/api/imports/${r.body.id}/confirm`, { title: 'x' }],
      ['DELETE', `/api/imports/${r.body.id}`, undefined],
    ] as const) {
      const again = await editor.request(method, path, body);
      expect(again.status).toBe(410);
      expect(again.body.error.code).toBe('import_expired');
    }
    expect(written()).toEqual(before);
    await sweptTo(0, 0);
  });
});

describe('staging caps', () => {
  it('answers 429 with what to do when the uploader would pass their cap, staging nothing', async () => {
    const first = await upload(t, editor, rowsCsv(6));
    expect(first.status).toBe(201);
    const before = [...staged(), ...written()];
    const over = await upload(t, editor, rowsCsv(5));
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('import_staging_full');
    expect(over.body.error.message).toContain('确认或放弃已有的导入预览后再上传');
    expect(over.body.error.message).toContain('分钟后自动过期');
    expect([...staged(), ...written()]).toEqual(before);
    // Another editor is not held back by this one's previews.
    const theirs = await upload(t, editor2, rowsCsv(5));
    expect(theirs.status).toBe(201);
    // Abandoning the first makes room.
    expect((await editor.request('DELETE', `/api/imports/${first.body.id}`)).status).toBe(204);
    const now = await upload(t, editor, rowsCsv(5));
    expect(now.status).toBe(201);
    // 5 + 5 staged; 7 more would pass the server's 16 though within editor2's own 10.
    const busy = await upload(t, editor2, rowsCsv(5));
    expect(busy.status).toBe(201);
    const full = [...staged(), ...written()];
    const all = await upload(t, editor3, rowsCsv(2));
    expect(all.status).toBe(429);
    expect(all.body.error.code).toBe('import_staging_busy');
    expect(all.body.error.message).toContain('确认或放弃已有的导入预览后再上传');
    expect([...staged(), ...written()]).toEqual(full);
    for (const [c, p] of [
      [editor2, theirs],
      [editor, now],
      [editor2, busy],
    ] as const)
      expect((await c.request('DELETE', `/api/imports/${p.body.id}`)).status).toBe(204);
    await sweptTo(0, 0);
  });

  it('refuses a file larger than one user may stage with 413, staging nothing', async () => {
    const before = [...staged(), ...written()];
    const r = await upload(t, editor, rowsCsv(11));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('staging_too_large');
    expect(r.body.error.message).toContain('拆分');
    expect([...staged(), ...written()]).toEqual(before);
  });
});

describe('expiry', () => {
  it('an expired preview answers 410 and the staging job deletes its rows', async () => {
    const r = await upload(t, editor, rowsCsv(5));
    expect(staged()).toEqual([1, 5]);
    const before = written();
    clock.advance(TTL + 1);
    // No request needed: the job (every HALLCAST_EXPIRY_CHECK_MS) closes it and deletes its rows.
    await until(() => count('import_previews') === 0 && count('import_preview_rows') === 0);
    const late = await editor.request('POST', `/api/imports/${r.body.id}/confirm`, { title: '过期' });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('import_expired');
    expect((await editor.request('GET', `/api/imports/${r.body.id}/rows`)).status).toBe(410);
    expect(written()).toEqual(before);
    // Expired rows no longer count against the cap.
    const next = await upload(t, editor, rowsCsv(10));
    expect(next.status).toBe(201);
    expect((await editor.request('DELETE', `/api/imports/${next.body.id}`)).status).toBe(204);
    await sweptTo(0, 0);
  });
});

describe('confirm', () => {
  it('copies the staged rows into entries in file order, with new ids, flags and the anomaly mark', async () => {
    const good = orgRow();
    const anomaly = good[2]!.slice(0, 17) + (good[2]![17] === '0' ? '1' : '0');
    const formula: (string | { formula: string; result: string })[] = orgRow();
    formula[1] = { formula: 'CONCAT("黑河","公式公司")', result: '黑河公式公司' };
    const file = await xlsx(
      [good, orgRow({ '统一社会信用代码/证件号码': anomaly }), formula, orgRow()],
      HEADER,
    );
    const r = await upload(t, editor, file, undefined, 'list.xlsx');
    expect(r.body).toMatchObject({ total: 4, importable: 4 });
    const batch = await editor.request('POST', `/api/imports/${r.body.id}/confirm`, { title: '复制' });
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ entries: 4, anomalies: 1 });
    const rows = t.hc.db
      .prepare(
        'SELECT id, row_number, name, code_anomaly, flags, consent, category_id FROM entries WHERE batch_id = ? ORDER BY rowid',
      )
      .all(batch.body.id) as {
      id: string;
      row_number: number;
      name: string;
      code_anomaly: number;
      flags: string;
    }[];
    expect(rows.map((x) => x.row_number)).toEqual([2, 3, 4, 5]);
    for (const x of rows)
      expect(x.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(rows.map((x) => x.id)).size).toBe(4);
    expect(rows.map((x) => x.code_anomaly)).toEqual([0, 1, 0, 0]);
    expect(rows[2]).toMatchObject({ name: '黑河公式公司', consent: 1 });
    expect(JSON.parse(rows[2]!.flags)).toContain('formula');
    expect(JSON.parse(rows[0]!.flags)).not.toContain('formula');
    await sweptTo(0, 0);
  });
});

describe('a check left unfinished by a stopped server', () => {
  it('holds its reservation until the TTL has passed since it started, then is swept with its rows', async () => {
    const s = { ...t.hc.services, db: t.hc.db, stores: t.hc.stores };
    const put = (id: string, createdAt: number) => {
      s.db
        .prepare(
          `INSERT INTO import_previews (id, actor, unit_id, category_id, file_name, rows, state, created_at, expires_at)
           VALUES (?, 'nobody', 'u', 'c', 'x.csv', 3, 'checking', ?, ?)`,
        )
        .run(id, createdAt, createdAt + TTL);
      s.db
        .prepare("INSERT INTO import_preview_rows (preview_id, seq, status, row) VALUES (?, 0, 'ok', '{}')")
        .run(id);
    };
    put('left-long-ago', clock.now() - TTL - 1);
    put('left-just-now', clock.now() - 1000);
    await s.credit.imports.sweep();
    const ids = s.db.prepare('SELECT id FROM import_previews ORDER BY id').all();
    expect(ids).toEqual([{ id: 'left-just-now' }]);
    expect(count('import_preview_rows')).toBe(1);
    clock.advance(TTL);
    await sweptTo(0, 0);
  });
});

describe('privacy of staged rows', () => {
  it('stores masked rows and keyed hashes only: the full ID number is nowhere in the database files', async () => {
    const id = makeResidentId('231102', '1968-08-18', '635');
    const r = await upload(t, editor, csv([personRow(id), orgRow()]));
    expect(r.status).toBe(201);
    expect(r.body.importable).toBe(2);
    const rows = t.hc.db
      .prepare('SELECT row, entry FROM import_preview_rows WHERE preview_id = ? ORDER BY seq')
      .all(r.body.id) as { row: string; entry: string }[];
    expect(rows).toHaveLength(2);
    // The staged entry holds the keyed hash and the masked display (a JSON array of the entry's fields).
    const packed = JSON.parse(rows[0]!.entry) as unknown[];
    const person = {
      code_hash: packed.find((v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)),
      code_display: `${id.slice(0, 6)}********${id.slice(14)}`,
    };
    expect(person.code_hash).toBeDefined();
    expect(packed).toContain(person.code_display);
    t.hc.db.pragma('wal_checkpoint(PASSIVE)');
    const files = readdirSync(t.dataDir)
      .filter((f) => f.startsWith('hallcast.db'))
      .map((f) => join(t.dataDir, f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(f).includes(Buffer.from(id)), `${id} in ${f}`).toBe(false);
    expect(JSON.stringify(await editor.request('GET', `/api/imports/${r.body.id}/rows`))).not.toContain(id);
    // Confirmed, the entry carries the same hash and display.
    const batch = await editor.request('POST', `/api/imports/${r.body.id}/confirm`, { title: '隐私' });
    const entry = t.hc.db
      .prepare("SELECT code_hash, code_display FROM entries WHERE batch_id = ? AND subject_type = 'person'")
      .get(batch.body.id);
    expect(entry).toEqual({ code_hash: person.code_hash, code_display: person.code_display });
    await sweptTo(0, 0);
  });
});

describe('a restart', () => {
  it('keeps a ready preview on disk for its uploader to confirm', async () => {
    const { dataDir } = t;
    const r = await upload(t, editor, rowsCsv(2));
    await t.hc.stop();
    const config = loadConfig(
      {},
      { port: 0, host: '127.0.0.1', dataDir, demo: true, logLevel: 'silent', ...OVERRIDES },
    );
    const hc = await startHallcast({ config, clock, log: pino({ level: 'silent' }) });
    t = {
      hc,
      url: hc.url,
      dataDir,
      async close() {
        await hc.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
    const again = await loginAs(t, 'list-editor');
    expect((await again.request('GET', `/api/imports/${r.body.id}/rows`)).body.total).toBe(2);
    const batch = await again.request('POST', `/api/imports/${r.body.id}/confirm`, { title: '重启之后' });
    expect(batch.status).toBe(201);
    expect(batch.body.entries).toBe(2);
    await sweptTo(0, 0);
  });
});
