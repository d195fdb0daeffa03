import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered .sql files, in order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

export class DatabaseError extends Error {
  constructor(
    readonly code: 'corrupt' | 'too_new',
    message: string,
  ) {
    super(message);
  }
}

/** Opens the database with WAL, foreign keys and a busy timeout, and checks it is a HallCast database. */
export function openDb(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    throw new DatabaseError(
      'corrupt',
      `数据库文件 ${file} 已损坏或不是 SQLite 数据库（${(err as Error).message}）`,
    );
  }
  return db;
}

/** The first line of a migration that must run with foreign keys off (a table rebuild). */
const FOREIGN_KEYS_OFF = '-- foreign_keys: off';

/** Applies every migration newer than the database, each in its own transaction, recorded. */
export function migrate(db: Db, migrations = listMigrations(), upTo = Number.POSITIVE_INFINITY): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const current = currentVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new DatabaseError(
      'too_new',
      `数据库版本 ${current} 比本程序支持的 ${latest} 新，请升级 HallCast 或使用对应版本的数据目录`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    // A migration that rebuilds a table others reference runs with foreign keys off (SQLite's
    // own procedure: they cannot be switched inside a transaction) and checks them before commit.
    const rebuild = m.sql.startsWith(FOREIGN_KEYS_OFF);
    if (rebuild) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (rebuild) {
          const broken = db.pragma('foreign_key_check') as { table: string }[];
          if (broken.length > 0)
            throw new DatabaseError(
              'corrupt',
              `迁移 ${m.version} 后外键不一致（${broken[0]!.table} 等 ${broken.length} 行），已回滚`,
            );
        }
        record.run(m.version, m.name, Date.now());
      })();
    } finally {
      if (rebuild) db.pragma('foreign_keys = ON');
    }
  }
  return currentVersion(db);
}

/** The newest applied migration, 0 for an empty database. */
export function currentVersion(db: Db): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Work a migration needs code for (masking stored text …): run once at boot after the SQL migrations. */
export interface BootStep {
  name: string;
  /** Returns what it did, recorded as JSON beside its name. */
  run(): unknown;
}

/**
 * Runs each step not yet recorded in boot_steps (migration 008), in order, and records it; a step
 * owns its transactions. Returns the names of the steps that ran.
 */
export function runBootSteps(db: Db, steps: BootStep[], now: () => number = Date.now): string[] {
  const done = db.prepare<[string], { name: string }>('SELECT name FROM boot_steps WHERE name = ?');
  const record = db.prepare('INSERT INTO boot_steps (name, applied_at, result) VALUES (?, ?, ?)');
  const ran: string[] = [];
  for (const step of steps) {
    if (done.get(step.name)) continue;
    const result = step.run();
    record.run(step.name, now(), JSON.stringify(result ?? {}));
    ran.push(step.name);
  }
  return ran;
}

/**
 * A consistent copy of the whole database into `file` (a new file), taken in a read transaction
 * of its own: the server's writers go on meanwhile (WAL). For backups.
 */
export function snapshotInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}
