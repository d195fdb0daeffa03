import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { type DemoLogin, seedDemo } from './demo/seed.js';
import { createHttpApp } from './http/app.js';
import { startJobs } from './jobs/index.js';
import { openLogFile } from './logFile.js';
import { createRealtime } from './realtime/index.js';
import { openConfiguredSecrets, SecretsError } from './secrets.js';
import { bootSteps } from './services/credit/privacyMigration.js';
import { createServices } from './services/index.js';
import { DatabaseError, type Db, migrate, openDb, runBootSteps } from './store/db.js';
import { createStores, type Stores } from './store/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/** A start-up failure with one line that says what to do; the CLI exits 1 with it. */
export class StartupError extends Error {}

export function prepareDataDir(dir: string): void {
  try {
    for (const sub of ['', 'media', 'secrets', 'logs', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
    accessSync(dir, constants.W_OK);
    accessSync(join(dir, 'secrets'), constants.W_OK);
  } catch (err) {
    throw new StartupError(
      `数据目录 ${dir} 不可写（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）：请检查权限，或用 HALLCAST_DATA_DIR 指定一个可写目录`,
    );
  }
}

/** Opens and migrates the database, turning its failures into start-up errors. */
export function openDatabase(dataDir: string): { db: Db; fresh: boolean } {
  const file = join(dataDir, 'hallcast.db');
  const fresh = !existsSync(file);
  try {
    const db = openDb(file);
    migrate(db);
    return { db, fresh };
  } catch (err) {
    if (err instanceof DatabaseError) throw new StartupError(`${err.message}`);
    if (
      (err as { code?: string }).code === 'SQLITE_NOTADB' ||
      (err as { code?: string }).code === 'SQLITE_CORRUPT'
    ) {
      throw new StartupError(`数据库文件 ${file} 已损坏：请从备份恢复，或移走该文件后重新启动`);
    }
    throw err;
  }
}

/** The secrets as configured (sealed under HALLCAST_KEK_FILE, or plain); an unreadable file stops the start. */
export function configuredSecrets(config: Config): ReturnType<typeof openConfiguredSecrets> {
  try {
    return openConfiguredSecrets(config);
  } catch (err) {
    if (err instanceof SecretsError) throw new StartupError(err.message);
    throw err;
  }
}

export interface HallcastOptions {
  config: Config;
  clock?: Clock;
  log?: Logger;
  distDir?: string;
}

export interface Hallcast {
  url: string;
  port: number;
  services: ReturnType<typeof createServices>;
  /** The database and stores, for the CLI, tests and benchmarks; the layers above services never see them. */
  db: Db;
  stores: Stores;
  realtime: ReturnType<typeof createRealtime>;
  routes: ReturnType<typeof createHttpApp>['routes'];
  demoLogins: DemoLogin[] | null;
  stop(): Promise<void>;
}

function guessPublicUrl(config: Config, port: number, tls: boolean): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, '');
  const scheme = tls ? 'https' : 'http';
  if (config.host !== '0.0.0.0' && config.host !== '::') return `${scheme}://${config.host}:${port}`;
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal);
  return `${scheme}://${lan?.address ?? '127.0.0.1'}:${port}`;
}

/** The composition root: config -> store -> services -> http + realtime -> jobs. */
export async function startHallcast(opts: HallcastOptions): Promise<Hallcast> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  prepareDataDir(config.dataDir);
  const log =
    opts.log ??
    pino(
      { level: config.logLevel },
      openLogFile({
        dir: join(config.dataDir, 'logs'),
        clock,
        retentionDays: config.logRetentionDays,
        maxBytes: config.logMaxBytes,
      }),
    );
  const { secrets, changes } = configuredSecrets(config);
  if (changes.length > 0) log.info({ changes, suite: config.crypto }, 'secrets sealed under the KEK');
  if (config.crypto === 'gm' && !config.kekFile)
    log.warn('HALLCAST_CRYPTO=gm without HALLCAST_KEK_FILE: the secrets folder stays unencrypted');
  const { db, fresh } = openDatabase(config.dataDir);
  const tls = Boolean(config.tlsCert && config.tlsKey);
  let publicUrl = '';
  const stores = createStores(db);
  const services = createServices(db, stores, config, clock, secrets, () => publicUrl);
  const root = { ...services, db, stores };
  const steps = runBootSteps(db, bootSteps(root), () => clock.now());
  if (steps.length > 0) log.info({ steps, auditHead: services.audit.head() }, 'boot steps');
  const demoLogins = config.demo ? await seedDemo(root, config.dataDir, fresh) : null;
  services.datasets.rebuild();

  const { app, routes } = createHttpApp({
    services,
    log,
    version: VERSION,
    startedAt: clock.now(),
    mediaDir: join(config.dataDir, 'media'),
    distDir: opts.distDir ?? join(ROOT, 'dist'),
    secureCookies: tls,
    publicUrl: config.publicUrl,
    hstsMaxAgeS: config.hstsMaxAgeS,
    maxJsonBytes: config.maxJsonBytes,
    maxImportBytes: config.maxImportBytes,
    maxSnapshotBytes: config.maxSnapshotBytes,
    checkResponses: config.checkResponses,
    metrics: config,
  });
  const server: Server = tls
    ? createHttpsServer(
        { cert: readFileSync(config.tlsCert!), key: readFileSync(config.tlsKey!) },
        app.callback(),
      )
    : createHttpServer(app.callback());
  const realtime = createRealtime(server, services, config, log);
  services.metrics.attach({
    screensByHall() {
      const by = new Map<string, { hall: string; online: number; offline: number }>();
      for (const s of services.screens.list()) {
        if (s.revoked) continue;
        const row = by.get(s.hallName) ?? { hall: s.hallName, online: 0, offline: 0 };
        if (s.online) row.online++;
        else row.offline++;
        by.set(s.hallName, row);
      }
      return [...by.values()];
    },
    pendingChanges: () => services.convergence.openIds().length,
    sockets: () => ({
      player: realtime.io.of('/player').sockets.size,
      admin: realtime.io.of('/admin').sockets.size,
    }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      db.close();
      if (err.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `端口 ${config.port} 已被占用：请先停止占用它的程序，或用 HALLCAST_PORT 换一个端口`,
          ),
        );
      } else if (err.code === 'EACCES') {
        reject(
          new StartupError(`没有权限监听端口 ${config.port}：请用 HALLCAST_PORT 换一个大于 1024 的端口`),
        );
      } else reject(err);
    });
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  publicUrl = guessPublicUrl(config, port, tls);
  const jobs = startJobs(services, realtime, config, log);
  log.info({ port, publicUrl, version: VERSION, auditHead: services.audit.head() }, 'started');

  let stopping: Promise<void> | null = null;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    services,
    db,
    stores,
    realtime,
    routes,
    demoLogins,
    stop() {
      stopping ??= (async () => {
        jobs.stop();
        server.close();
        // Sockets get their goodbye and HTTP requests in flight may finish, for at most the grace
        // period: a connection that lingers (a browser's keep-alive fetch) never holds the stop.
        let grace: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          realtime.close(),
          new Promise<void>((resolve) => {
            grace = setTimeout(resolve, config.shutdownGraceMs);
          }),
        ]);
        clearTimeout(grace);
        server.closeAllConnections();
        jobs.flush();
        db.close();
        log.info('stopped');
        log.flush?.();
      })();
      return stopping;
    },
  };
}
