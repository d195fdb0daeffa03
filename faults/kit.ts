/**
 * The fault suite's real server: `node bin/hallcast.js serve` as a child process on a fixed port
 * and data dir, so it can be killed with SIGKILL and started again exactly as a hall PC reboots.
 * Players are real socket.io-clients that reconnect on their own, as the browser player does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { Manifest } from '../core/manifest/types.js';
import type { PlayerToServer, ServerToPlayer } from '../core/protocol/events.js';
import { freePort } from '../e2e/playerKit.js';
import { Client, pairOverHttp } from '../server/test/harness.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'hallcast.js');

export interface Login {
  username: string;
  role: string;
  password: string;
}

/** One server process on one data dir; `up()` again after `kill9()` restarts it on the same files. */
export class ServerProcess {
  proc: ChildProcess | null = null;
  output = '';
  private constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<ServerProcess> {
    const s = new ServerProcess(mkdtempSync(join(tmpdir(), 'hallcast-fault-')), await freePort(), env);
    await s.up();
    return s;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    if (!this.proc?.pid) throw new Error('server not running');
    return this.proc.pid;
  }

  get dbFile(): string {
    return join(this.dataDir, 'hallcast.db');
  }

  /** Starts the process and waits until /api/health answers 200. Returns the boot time in ms. */
  async up(timeoutMs = 30_000): Promise<number> {
    const started = Date.now();
    this.output = '';
    const proc = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        HALLCAST_DATA_DIR: this.dataDir,
        HALLCAST_PORT: String(this.port),
        HALLCAST_HOST: '127.0.0.1',
        HALLCAST_DEMO: 'true',
        HALLCAST_LOG_LEVEL: 'warn',
        HALLCAST_CHECK_RESPONSES: 'true',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    proc.stdout?.on('data', (b: Buffer) => this.keep(b));
    proc.stderr?.on('data', (b: Buffer) => this.keep(b));
    while (Date.now() - started < timeoutMs) {
      if (proc.exitCode !== null) throw new Error(`server exited ${proc.exitCode}: ${this.output}`);
      if ((await this.health().catch(() => null))?.status === 200) return Date.now() - started;
      await sleep(50);
    }
    throw new Error(`server not up in ${timeoutMs} ms: ${this.output}`);
  }

  private keep(b: Buffer): void {
    this.output = (this.output + b.toString()).slice(-8000);
  }

  async health(timeoutMs = 5000): Promise<{ status: number; ms: number }> {
    const t0 = performance.now();
    const r = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await r.arrayBuffer();
    return { status: r.status, ms: performance.now() - t0 };
  }

  /** SIGKILL, no grace: the process dies wherever it is. */
  async kill9(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await gone;
    this.proc = null;
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
    this.proc = null;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Resident set size of the server process in MB (Linux /proc). */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return Math.round(kb / 102.4) / 10;
  }

  logins(): Login[] {
    return readFileSync(join(this.dataDir, 'demo-logins.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => {
        const [username, role, password] = l.split(' ');
        return { username: username!, role: role!, password: password! };
      });
  }

  async login(role: string): Promise<Client> {
    const l = this.logins().find((x) => x.role === role);
    if (!l) throw new Error(`no demo login for ${role}`);
    const c = new Client(this.url);
    const r = await c.login(l.username, l.password);
    if (r.status !== 200) throw new Error(`login ${role}: ${JSON.stringify(r.body)}`);
    return c;
  }

  /** Pairs a screen through the public API (register, operator claim, poll). */
  async pair(name: string): Promise<{ token: string; screenId: string }> {
    const { token, screenId } = await pairOverHttp(this.url, await this.login('operator'), name, 'fault');
    return { token, screenId };
  }
}

/**
 * A player that reconnects by itself (short backoff, as HALLCAST_RECONNECT_MAX_MS sets it for
 * the browser player), fetches the manifest it is told about and reports it rendered.
 */
export class FaultPlayer {
  readonly socket: Socket<ServerToPlayer, PlayerToServer>;
  revision = 0;
  rendered = 0;
  connects = 0;
  constructor(
    readonly url: string,
    readonly screen: { token: string; screenId: string },
    reconnectMaxMs = 300,
  ) {
    this.socket = connect(`${url}/player`, {
      auth: { token: screen.token },
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: reconnectMaxMs,
      randomizationFactor: 0.2,
      forceNew: true,
    });
    this.socket.on('connect', () => this.connects++);
    this.socket.on('manifest:updated', (p, ack) => {
      ack({ ok: true, data: undefined });
      this.apply(p.revision, p.manifest ?? null).catch(() => undefined);
    });
  }

  private async apply(revision: number, inline: Manifest | null): Promise<void> {
    const manifest =
      inline ??
      ((await (
        await fetch(`${this.url}/api/player/manifest`, {
          headers: { authorization: `Bearer ${this.screen.token}` },
        })
      ).json()) as Manifest);
    if (manifest.revision < this.revision) return;
    this.revision = Math.max(revision, manifest.revision);
    const ack = await this.socket
      .timeout(5000)
      .emitWithAck('player:rendered', { revision: manifest.revision });
    if (ack.ok) this.rendered = Math.max(this.rendered, manifest.revision);
  }

  close(): void {
    this.socket.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the predicate holds; answers the time it took, or throws with `what`. */
export async function waitFor(
  what: string,
  pred: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<number> {
  const start = Date.now();
  const holds = async () => {
    try {
      return await pred();
    } catch {
      return false;
    }
  };
  while (!(await holds())) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
  return Date.now() - start;
}
