import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ManifestUpdated } from '../../../core/protocol/events.js';
import { ManualClock } from '../../clock.js';
import { loadConfig } from '../../config.js';
import { openDb } from '../../store/db.js';
import {
  connectPlayer,
  loginAs,
  pairScreen,
  startTestServer,
  type TestServer,
  until,
} from '../../test/harness.js';
import { png, upload } from '../../test/mediaFixtures.js';
import { readKek } from '../shared/crypto/kek.js';
import { BackupError, backup, MANIFEST, readManifest, restore } from './backup.js';

const root = mkdtempSync(join(tmpdir(), 'hallcast-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const kekFile = (name: string) => {
  const file = join(root, name);
  writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return file;
};
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
});

async function playsWith(t: TestServer, token: string): Promise<void> {
  const player = connectPlayer(t, token);
  const got: ManifestUpdated[] = [];
  player.on('manifest:updated', (m) => got.push(m));
  await until(() => got.length > 0, 10_000);
  player.close();
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('backup and restore (国密 suite, sealed under the KEK)', () => {
  const kek = kekFile('kek.hex');
  const dir = join(root, 'backup-gm');
  let token = '';
  let dataDir = '';

  it('backs up a running server during a publish, sealed, with owner-only modes', async () => {
    const t = await startTestServer({ crypto: 'gm', kekFile: kek, presenceFlushMs: 100, auditAnchorMs: 50 });
    servers.push(t);
    dataDir = t.dataDir;
    ({ token } = await pairScreen(t, '备份前配对的屏'));
    await until(() => existsSync(join(t.dataDir, 'audit-anchors.log')));
    expect((await upload(await loginAs(t, 'publicity'), png(64, 32), '海报.png')).status).toBe(201);
    // A publication (an emergency notice to every screen) while the backup runs.
    const publicity = await loginAs(t, 'publicity');
    const db = openDb(join(t.dataDir, 'hallcast.db'));
    const [m, published] = await Promise.all([
      backup(dir, { db, dataDir: t.dataDir, kek: readKek(kek), suite: 'gm', now: Date.now() }),
      publicity.request('POST', '/api/emergencies', {
        title: '临时闭厅通知',
        body: '因设备检修，今日下午暂停办理',
        targets: { all: true, hallIds: [], groupIds: [], screenIds: [] },
        durationMs: 3_600_000,
      }),
    ]);
    db.close();
    expect(published.status).toBe(201);
    expect(m.sealed).toBe('gm');
    expect(m.files.map((f) => f.path)).toContain('hallcast.db');
    expect(m.files.some((f) => f.path.startsWith('media/'))).toBe(true);
    expect(m.files.some((f) => f.path.startsWith('secrets/'))).toBe(true);
    expect(m.files.map((f) => f.path)).toContain('audit-anchors.log');
    expect(mode(dir)).toBe(0o700);
    for (const f of m.files) expect(mode(join(dir, `${f.path}.sealed`)), f.path).toBe(0o600);
    expect(mode(join(dir, MANIFEST))).toBe(0o600);
    // Nothing in the backup reads as what it holds.
    const sealedDb = readFileSync(join(dir, 'hallcast.db.sealed'));
    expect(sealedDb.subarray(0, 4).toString()).toBe('HCSL');
    expect(sealedDb.includes(Buffer.from('SQLite format 3'))).toBe(false);
    await t.hc.stop();
  });

  it('restores into an empty data dir: integrity ok, the audit chain verifies, the screen paired before plays', async () => {
    const target = join(root, 'restored-gm');
    await restore(dir, target, { kek: readKek(kek) });
    expect(mode(join(target, 'hallcast.db'))).toBe(0o600);
    const t = await startTestServer({ dataDir: target, crypto: 'gm', kekFile: kek });
    servers.push(t);
    expect(t.hc.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.hc.services.audit.verify()).toMatchObject({ ok: true });
    await playsWith(t, token);
    await t.hc.stop();
  });

  it('refuses a tampered file, naming it, and writes nothing', async () => {
    const copy = join(root, 'tampered-gm');
    cpSync(dir, copy, { recursive: true });
    const m = await readManifest(copy, readKek(kek));
    const media = m.files.find((f) => f.path.startsWith('media/'))!;
    const file = join(copy, `${media.path}.sealed`);
    const bytes = readFileSync(file);
    bytes[bytes.length - 40]! ^= 1;
    writeFileSync(file, bytes);
    const target = join(root, 'never-gm');
    const err = await restore(copy, target, { kek: readKek(kek) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toContain(media.path);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(root).some((n) => n.includes('never-gm.restoring'))).toBe(false);

    // A manifest edited to match is refused by its MAC.
    const manifest = JSON.parse(readFileSync(join(copy, MANIFEST), 'utf8'));
    manifest.files.find((f: { path: string }) => f.path === media.path).size = bytes.length + 1;
    writeFileSync(join(copy, MANIFEST), JSON.stringify(manifest));
    await expect(restore(copy, target, { kek: readKek(kek) })).rejects.toThrow(/清单校验失败/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses the wrong key file, no key file, and a data dir that is not empty', async () => {
    await expect(restore(dir, join(root, 'x1'), { kek: readKek(kekFile('other.hex')) })).rejects.toThrow(
      /KEK 文件不是备份时所用的/,
    );
    await expect(restore(dir, join(root, 'x2'), { kek: null })).rejects.toThrow(/HALLCAST_KEK_FILE/);
    await expect(restore(dir, dataDir, { kek: readKek(kek) })).rejects.toThrow(/不是空的/);
    expect(existsSync(join(root, 'x1'))).toBe(false);
  });
});

describe('backup and restore without a KEK (standard)', () => {
  it('copies the files with their checksums, restores them, refuses a changed one', async () => {
    const t = await startTestServer();
    servers.push(t);
    const { token } = await pairScreen(t, '明文备份屏');
    const dir = join(root, 'backup-plain');
    const db = openDb(join(t.dataDir, 'hallcast.db'));
    const m = await backup(dir, { db, dataDir: t.dataDir, kek: null, suite: 'standard', now: Date.now() });
    db.close();
    await t.hc.stop();
    expect(m.sealed).toBeNull();
    expect(m.mac).toBeUndefined();
    await expect(
      backup(dir, { db, dataDir: t.dataDir, kek: null, suite: 'standard', now: 0 }),
    ).rejects.toThrow(/不是空的/);

    const target = join(root, 'restored-plain');
    await restore(dir, target, { kek: null });
    const again = await startTestServer({ dataDir: target });
    servers.push(again);
    expect(again.hc.services.audit.verify()).toMatchObject({ ok: true });
    await playsWith(again, token);
    await again.hc.stop();

    const secret = m.files.find((f) => f.path.startsWith('secrets/'))!;
    writeFileSync(join(dir, secret.path), 'f'.repeat(64));
    await expect(restore(dir, join(root, 'never-plain'), { kek: null })).rejects.toThrow(secret.path);
  });
});

describe('scheduled backups', () => {
  it('backs up every interval on the server clock and keeps the newest HALLCAST_BACKUP_KEEP', async () => {
    const clock = new ManualClock(Date.UTC(2026, 11, 4, 2, 0, 0));
    const backupDir = join(root, 'scheduled');
    const t = await startTestServer(
      { backupDir, backupIntervalMs: 3_600_000, backupKeep: 2, backupCheckMs: 50 },
      clock,
    );
    servers.push(t);
    const names = () => (existsSync(backupDir) ? readdirSync(backupDir).sort() : []);
    await until(() => names().length === 1, 10_000);
    expect(names()).toEqual(['hallcast-20261204-100000']);
    // Not due yet: nothing new however often the job looks.
    clock.advance(3_599_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(names()).toHaveLength(1);
    clock.advance(1_000);
    await until(() => names().length === 2, 10_000);
    clock.advance(3_600_000);
    await until(() => names().includes('hallcast-20261204-120000'), 10_000);
    await until(() => names().length === 2, 10_000);
    expect(names()).toEqual(['hallcast-20261204-110000', 'hallcast-20261204-120000']);
    const listed = await t.hc.services.backups.list();
    expect(listed.map((b) => b.createdAt)).toEqual([clock.now(), clock.now() - 3_600_000]);
    await t.hc.stop();
  });

  it('refuses a backup folder inside the data dir', () => {
    const dataDir = join(root, 'data-x');
    expect(() => loadConfig({}, { dataDir, backupDir: join(dataDir, 'backups') })).toThrow(
      /HALLCAST_BACKUP_DIR/,
    );
  });
});
