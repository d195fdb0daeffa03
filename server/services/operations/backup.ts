import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { currentVersion, type Db, snapshotInto } from '../../store/db.js';
import { openFile, SealError, type SuiteId, sealFile, suiteOf } from '../shared/crypto/index.js';

/**
 * `hallcast backup DIR` and `hallcast restore DIR`. A backup holds the database (a consistent
 * copy by VACUUM INTO: a read transaction of its own, while the server goes on writing), the
 * media files and the secrets folder, with a manifest of every file's size and SHA-256. With a
 * key-encryption key (HALLCAST_KEK_FILE, never backed up) every file is sealed in the configured
 * suite (SM4-CTR + HMAC-SM3 or AES-256-GCM, streaming) and the manifest is MAC'd, so a backup
 * copied off the server reveals nothing and any change to it is refused. Restore checks the
 * manifest, then every file, before it writes anything, into an empty data dir only.
 */

export const MANIFEST = 'manifest.json';
const FORMAT = 'hallcast-backup';
const VERSION = 1;
/** What a backup holds, relative to the data dir; logs and temporary files are not data. */
const DB_FILE = 'hallcast.db';
/** The audit chain's anchors (auditAnchors.ts ANCHOR_FILE), kept beside the database. */
const ANCHORS = 'audit-anchors.log';
const TREES = ['media', 'secrets'] as const;

export interface BackupFile {
  /** Relative to the data dir (and to the backup, plus `.sealed` when encrypted). */
  path: string;
  /** Size and SHA-256 of the file as stored in the backup. */
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof FORMAT;
  version: number;
  createdAt: number;
  schemaVersion: number;
  /** The suite every file is sealed in, or null for a plain backup (no KEK configured). */
  sealed: SuiteId | null;
  files: BackupFile[];
  /** Over the manifest without this field, under a key derived from the KEK (sealed backups). */
  mac?: string;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

const sha256Of = async (path: string): Promise<string> => {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
};

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  return (await readdir(dir)).length === 0;
}

async function filesUnder(root: string, sub: string): Promise<string[]> {
  const dir = join(root, sub);
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = join(sub, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(root, rel)));
    else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(rel);
  }
  return out.sort();
}

const manifestKey = (suite: SuiteId, kek: Buffer) => suiteOf(suite).deriveKey(kek, 'backup/manifest');
const fileKey = (suite: SuiteId, kek: Buffer) => suiteOf(suite).deriveKey(kek, 'backup/files');
const manifestMac = (m: BackupManifest, kek: Buffer): string => {
  const { mac: _, ...rest } = m;
  return suiteOf(m.sealed!).macHex(manifestKey(m.sealed!, kek), JSON.stringify(rest));
};

export interface BackupOptions {
  db: Db;
  dataDir: string;
  /** The KEK when HALLCAST_KEK_FILE is set: the backup is sealed in `suite`. */
  kek: Buffer | null;
  suite: SuiteId;
  now: number;
  /** Called per file, for the progress a long backup shows. */
  onFile?: (done: number, total: number, path: string) => void;
}

/** Writes a backup into `dir` (created, or empty): modes 0700 for folders, 0600 for files. */
export async function backup(dir: string, o: BackupOptions): Promise<BackupManifest> {
  if (!(await isEmptyOrMissing(dir)))
    throw new BackupError(`备份目录 ${dir} 不是空的：请指定一个新目录（备份不覆盖已有文件）`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const work = join(dir, `.work-${randomBytes(4).toString('hex')}`);
  await mkdir(work, { mode: 0o700 });
  try {
    // The database first: one consistent snapshot, whatever the server writes meanwhile.
    const snapshot = join(work, DB_FILE);
    snapshotInto(o.db, snapshot);
    const sources: { path: string; from: string }[] = [{ path: DB_FILE, from: snapshot }];
    if (existsSync(join(o.dataDir, ANCHORS))) sources.push({ path: ANCHORS, from: join(o.dataDir, ANCHORS) });
    for (const tree of TREES)
      for (const rel of await filesUnder(o.dataDir, tree))
        sources.push({ path: rel, from: join(o.dataDir, rel) });
    const files: BackupFile[] = [];
    for (const [i, s] of sources.entries()) {
      const stored = o.kek ? `${s.path}.sealed` : s.path;
      const to = join(dir, stored);
      await mkdir(dirname(to), { recursive: true, mode: 0o700 });
      if (o.kek) await sealFile(o.suite, fileKey(o.suite, o.kek), s.from, to);
      else await copyFile(s.from, to);
      await chmod(to, 0o600);
      files.push({ path: s.path, size: (await stat(to)).size, sha256: await sha256Of(to) });
      o.onFile?.(i + 1, sources.length, s.path);
    }
    const manifest: BackupManifest = {
      format: FORMAT,
      version: VERSION,
      createdAt: o.now,
      schemaVersion: currentVersion(o.db),
      sealed: o.kek ? o.suite : null,
      files,
    };
    if (o.kek) manifest.mac = manifestMac(manifest, o.kek);
    // The manifest last: a backup without one is an unfinished backup.
    await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Reads and checks a backup's manifest (and, sealed, its MAC under the KEK). */
export async function readManifest(dir: string, kek: Buffer | null): Promise<BackupManifest> {
  let m: BackupManifest;
  try {
    m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${dir} 中没有可读的 ${MANIFEST}：不是 HallCast 备份，或备份没有完成`);
  }
  if (m.format !== FORMAT || !Array.isArray(m.files))
    throw new BackupError(`${join(dir, MANIFEST)} 不是 HallCast 备份清单`);
  if (m.version !== VERSION)
    throw new BackupError(
      `备份格式版本 ${m.version} 不受此版本支持（支持 ${VERSION}），请用对应版本的 HallCast 恢复`,
    );
  if (m.sealed) {
    if (!kek)
      throw new BackupError('该备份已加密：请设置 HALLCAST_KEK_FILE 为备份时所用的密钥加密密钥文件后再恢复');
    const expected = Buffer.from(manifestMac(m, kek), 'hex');
    const given = Buffer.from(typeof m.mac === 'string' ? m.mac : '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new BackupError('备份清单校验失败：KEK 文件不是备份时所用的，或清单被改动；未恢复任何文件');
  }
  for (const f of m.files) {
    const rel = relative('.', f.path);
    if (
      rel.startsWith('..') ||
      f.path.startsWith('/') ||
      !(f.path === DB_FILE || f.path === ANCHORS || TREES.some((t) => f.path.startsWith(`${t}/`)))
    )
      throw new BackupError(`备份清单中的路径 ${f.path} 不在数据目录之内，已拒绝`);
  }
  return m;
}

export interface RestoreOptions {
  kek: Buffer | null;
  onFile?: (done: number, total: number, path: string) => void;
}

/**
 * Restores a backup into `dataDir`, which must be empty or missing. Every file's size and
 * SHA-256 are checked, and sealed ones opened, before the data dir is touched: into a sibling
 * folder renamed into place at the end, so a refused backup leaves nothing behind.
 */
export async function restore(dir: string, dataDir: string, o: RestoreOptions): Promise<BackupManifest> {
  if (!(await isEmptyOrMissing(dataDir)))
    throw new BackupError(`数据目录 ${dataDir} 不是空的：恢复只写入空目录（请先移走现有数据）`);
  const m = await readManifest(dir, o.kek);
  const stored = (f: BackupFile) => join(dir, m.sealed ? `${f.path}.sealed` : f.path);
  for (const f of m.files) {
    const path = stored(f);
    if (!existsSync(path)) throw new BackupError(`备份缺少文件 ${f.path}，未恢复任何文件`);
    if ((await stat(path)).size !== f.size || (await sha256Of(path)) !== f.sha256)
      throw new BackupError(`备份文件 ${f.path} 的校验和不符（被改动或已损坏），未恢复任何文件`);
  }
  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    for (const [i, f] of m.files.entries()) {
      const to = join(staging, f.path);
      await mkdir(dirname(to), { recursive: true, mode: 0o700 });
      if (m.sealed) {
        try {
          await openFile(fileKey(m.sealed, o.kek!), stored(f), to);
        } catch (err) {
          if (err instanceof SealError) throw new BackupError(`备份文件 ${f.path}：${err.message}`);
          throw err;
        }
      } else await copyFile(stored(f), to);
      await chmod(to, 0o600);
      o.onFile?.(i + 1, m.files.length, f.path);
    }
    for (const sub of ['logs', 'tmp']) await mkdir(join(staging, sub), { mode: 0o700 });
    if (existsSync(dataDir)) await rm(dataDir, { recursive: true });
    await rename(staging, dataDir);
    return m;
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/** A scheduled backup's folder name: `hallcast-YYYYMMDD-HHmmss` in the hall's timezone. */
const SCHEDULED = /^hallcast-(\d{8}-\d{6})$/;

/**
 * The scheduled backups under `backupDir`, newest first; `createdAt` is null for one without a
 * readable manifest (unfinished). Read by the schedule (to prune) and by `hallcast doctor`.
 */
export async function scheduledBackups(
  backupDir: string | undefined,
): Promise<{ dir: string; createdAt: number | null }[]> {
  if (!backupDir || !existsSync(backupDir)) return [];
  const out: { dir: string; createdAt: number | null }[] = [];
  for (const name of await readdir(backupDir)) {
    if (!SCHEDULED.test(name)) continue;
    const dir = join(backupDir, name);
    try {
      const m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as BackupManifest;
      out.push({ dir, createdAt: m.createdAt });
    } catch {
      out.push({ dir, createdAt: null });
    }
  }
  return out.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
}

export interface ScheduledBackups {
  /** The backups under HALLCAST_BACKUP_DIR, newest first (only complete ones: with a manifest). */
  list(): Promise<{ dir: string; createdAt: number }[]>;
  /** Takes a backup when the newest is older than the interval, then prunes beyond the count kept. */
  runIfDue(): Promise<{ dir: string; pruned: string[] } | null>;
}

export function createScheduledBackups(d: {
  db: Db;
  dataDir: string;
  backupDir: string | undefined;
  intervalMs: number;
  keep: number;
  kek: () => Buffer | null;
  suite: SuiteId;
  now: () => number;
  stamp: (at: number) => string;
}): ScheduledBackups {
  let running: Promise<{ dir: string; pruned: string[] } | null> | null = null;
  const folders = () => scheduledBackups(d.backupDir);
  async function list() {
    return (await folders()).flatMap((f) =>
      f.createdAt === null ? [] : [{ dir: f.dir, createdAt: f.createdAt }],
    );
  }
  async function take() {
    const all = await folders();
    const newest = all.find((f) => f.createdAt !== null);
    const now = d.now();
    if (newest?.createdAt != null && now - newest.createdAt < d.intervalMs) return null;
    const dir = join(d.backupDir!, `hallcast-${d.stamp(now)}`);
    if (existsSync(dir)) return null;
    await mkdir(d.backupDir!, { recursive: true, mode: 0o700 });
    await backup(dir, { db: d.db, dataDir: d.dataDir, kek: d.kek(), suite: d.suite, now });
    // Keep the newest `keep` complete backups; an unfinished one (no manifest) goes too.
    const pruned: string[] = [];
    const complete = (await folders()).filter((f) => f.createdAt !== null);
    const stale = [...complete.slice(d.keep), ...all.filter((f) => f.createdAt === null)];
    for (const f of stale) {
      await rm(f.dir, { recursive: true, force: true });
      pruned.push(f.dir);
    }
    return { dir, pruned };
  }
  return {
    list,
    runIfDue() {
      if (!d.backupDir) return Promise.resolve(null);
      // One at a time: a check that comes while a backup runs waits for it.
      running ??= take().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
