import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { StartupError, startHallcast } from './main.js';
import { currentVersion, listMigrations, migrate, openDb } from './store/db.js';
import { startTestServer } from './test/harness.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'hallcast-startup-'));
const silent = pino({ level: 'silent' });
const start = (overrides: object) =>
  startHallcast({
    config: loadConfig({}, { port: 0, host: '127.0.0.1', dataDir: tmp(), ...overrides }),
    log: silent,
  });

describe('migrations', () => {
  it('migrates an empty database to the latest version', () => {
    const db = openDb(join(tmp(), 'a.db'));
    const latest = listMigrations().at(-1)!.version;
    expect(migrate(db)).toBe(latest);
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: latest });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('migrates a database at the previous version, keeping its data', () => {
    const db = openDb(join(tmp(), 'b.db'));
    const latest = listMigrations().at(-1)!.version;
    migrate(db, listMigrations(), latest - 1);
    expect(currentVersion(db)).toBe(latest - 1);
    db.prepare("INSERT INTO halls (id, name, created_at) VALUES ('h1', '旧大厅', 1)").run();
    expect(migrate(db)).toBe(latest);
    expect(db.prepare('SELECT name FROM halls').get()).toEqual({ name: '旧大厅' });
    db.close();
  });

  it('migration 011 turns every admin into a system administrator, keeping what refers to them', () => {
    const db = openDb(join(tmp(), 'c.db'));
    migrate(db, listMigrations(), 10);
    const user = db.prepare(
      "INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'h', 1)",
    );
    user.run('u1', 'admin', '管理员', 'admin');
    user.run('u2', 'editor', '编辑', 'list-editor');
    db.prepare(
      "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_active_at) VALUES ('s1', 'u1', 'c', 1, 2, 1)",
    ).run();
    db.prepare("INSERT INTO units (id, name, created_at) VALUES ('n1', '市市场监管局', 1)").run();
    db.prepare(
      "INSERT INTO categories (id, name, list_type, window_rules, mask_policy, fields, created_at) VALUES ('c1', '类别', 'black', '{}', '{}', '[]', 1)",
    ).run();
    db.prepare(
      "INSERT INTO batches (id, title, unit_id, category_id, status, source_name, created_by, created_at) VALUES ('b1', '批次', 'n1', 'c1', 'draft', 'x.csv', 'u2', 1)",
    ).run();
    expect(migrate(db)).toBe(listMigrations().at(-1)!.version);
    expect(db.prepare('SELECT id, role FROM users ORDER BY id').all()).toEqual([
      { id: 'u1', role: 'sysadmin' },
      { id: 'u2', role: 'list-editor' },
    ]);
    expect(db.prepare('SELECT user_id FROM sessions').all()).toEqual([{ user_id: 'u1' }]);
    expect(db.prepare('SELECT created_by FROM batches').get()).toEqual({ created_by: 'u2' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The old role is no longer a role.
    expect(() => user.run('u3', 'old', '旧', 'admin')).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a database from a newer version', () => {
    const dir = tmp();
    const db = new Database(join(dir, 'hallcast.db'));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)');
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 0)").run();
    db.close();
    return expect(start({ dataDir: dir })).rejects.toThrow(/比本程序支持的 \d+ 新/);
  });
});

describe('start-up errors', () => {
  it('says when the port is in use', async () => {
    const t = await startTestServer();
    await expect(start({ port: t.hc.port })).rejects.toThrow(StartupError);
    await expect(start({ port: t.hc.port })).rejects.toThrow(/端口 \d+ 已被占用/);
    await t.close();
  });

  it('says when the data dir is not writable', async () => {
    const file = join(tmp(), 'not-a-dir');
    writeFileSync(file, 'x');
    await expect(start({ dataDir: join(file, 'data') })).rejects.toThrow(/数据目录 .* 不可写/);
  });

  it('says when the database file is corrupt', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'hallcast.db'), Buffer.alloc(8192, 7));
    await expect(start({ dataDir: dir })).rejects.toThrow(/已损坏/);
  });

  it('answers 503 with the error shape when the database is not usable', async () => {
    const t = await startTestServer();
    t.hc.db.close();
    const r = await fetch(`${t.url}/api/health`);
    expect(r.status).toBe(503);
    const body = await r.json();
    expect(body).toMatchObject({ status: 'error', db: 'error', error: { code: 'db_unavailable' } });
    await t.hc.stop().catch(() => undefined);
  });
});

describe('graceful shutdown', () => {
  it('tells connected players, closes their sockets and the database', async () => {
    const { connectPlayer, once, pairScreen } = await import('./test/harness.js');
    const t = await startTestServer();
    const { token } = await pairScreen(t);
    const p = connectPlayer(t, token);
    await once(p, 'manifest:updated');
    const bye = once<{ code: string }>(p, 'server:bye');
    const gone = once(p, 'disconnect');
    await t.hc.stop();
    expect((await bye).code).toBe('shutdown');
    await gone;
    expect(t.hc.db.open).toBe(false);
    await expect(fetch(`${t.url}/api/health`)).rejects.toThrow();
    p.close();
  });

  it('does not wait past HALLCAST_SHUTDOWN_GRACE_MS for a request that never ends', async () => {
    const { connect } = await import('node:net');
    const { pairScreen } = await import('./test/harness.js');
    const t = await startTestServer({ shutdownGraceMs: 200 });
    const { token } = await pairScreen(t);
    const port = Number(new URL(t.url).port);
    // A screenshot upload that announces 1 MB and sends 10 bytes: its handler waits for the rest
    // for ever, and without the grace period the stop would wait with it.
    const sock = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
    sock.resume(); // read what the server answers, so 'close' can follow its end
    const closed = new Promise<void>((resolve) => sock.once('close', () => resolve()));
    sock.write(
      `POST /api/player/snapshot HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
        'Content-Type: image/png\r\nContent-Length: 1048576\r\n\r\n0123456789',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.hc.stop();
    await closed;
    expect(t.hc.db.open).toBe(false);
  });
});
