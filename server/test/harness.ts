import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import type { PlayerToServer, ServerToPlayer } from '../../core/protocol/events.js';
import type { SessionInfo } from '../../core/protocol/rest.js';
import type { Clock } from '../clock.js';
import { type Config, loadConfig } from '../config.js';
import { type Hallcast, startHallcast } from '../main.js';

export interface TestServer {
  hc: Hallcast;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A real server on an ephemeral port with a real SQLite database in a temporary folder. */
export async function startTestServer(
  overrides: Partial<Config> = {},
  clock?: Clock,
  /** Write JSON logs into the data dir as production does (for tests that read them). */
  opts: { fileLog?: boolean } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallcast-test-'));
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      demo: true,
      logLevel: 'silent',
      checkResponses: true,
      // Tests move the clock by hours and days with one signed-in client; the session tests set
      // the production limits themselves.
      privilegedSessionIdleMs: 8 * 3_600_000,
      sessionMaxAgeMs: 365 * 86_400_000,
      ...overrides,
    },
  );
  const hc = await startHallcast({
    config,
    clock,
    log: opts.fileLog ? undefined : pino({ level: 'silent' }),
  });
  return {
    hc,
    url: hc.url,
    dataDir,
    async close() {
      await hc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in admin client: cookie and CSRF token carried on every request. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('hc_session=')) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  }

  async login(username: string, password: string) {
    const r = await this.request('POST', '/api/auth/login', { username, password });
    if (r.status === 200) this.csrf = (r.body as SessionInfo).csrfToken;
    return r;
  }
}

export async function loginAs(t: TestServer, role: string): Promise<Client> {
  const login = t.hc.demoLogins!.find((l) => l.role === role)!;
  const c = new Client(t.url);
  const r = await c.login(login.username, login.password);
  if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`);
  return c;
}

/**
 * Pairs a screen through the public API against any server URL: a device registers, the operator
 * claims its code into the first hall and group, the device collects its token.
 */
export async function pairOverHttp(
  url: string,
  operator: Client,
  name: string,
  version = 'test',
): Promise<{ token: string; screenId: string; secret: string }> {
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex');
  const anon = new Client(url);
  const reg = await anon.request('POST', '/api/pair/register', {
    deviceSecret: secret,
    canvas: { width: 1920, height: 1080 },
    version,
  });
  const hall = (await operator.request('GET', '/api/halls')).body[0];
  const group = (await operator.request('GET', '/api/groups')).body[0];
  const claim = await operator.request('POST', '/api/screens/claim', {
    code: reg.body.code,
    name,
    hallId: hall.id,
    groupId: group.id,
    layout: 'landscape',
    canvas: { width: 1920, height: 1080 },
  });
  if (claim.status !== 201) throw new Error(`claim failed: ${JSON.stringify(claim.body)}`);
  const poll = await anon.request('POST', '/api/pair/poll', { code: reg.body.code, deviceSecret: secret });
  return { token: poll.body.token, screenId: poll.body.screenId, secret };
}

/** Registers a device, has an operator claim its code, and collects the token. */
export async function pairScreen(
  t: TestServer,
  name = '测试屏幕',
): Promise<{ token: string; screenId: string; secret: string }> {
  return pairOverHttp(t.url, await loginAs(t, 'operator'), name);
}

export type PlayerClient = Socket<ServerToPlayer, PlayerToServer>;

/** A real socket.io-client player. */
export function connectPlayer(
  t: TestServer,
  token: string | undefined,
  opts: { autoAck?: boolean } = {},
): PlayerClient {
  const socket: PlayerClient = connect(`${t.url}/player`, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  if (opts.autoAck !== false) socket.on('manifest:updated', (_p, ack) => ack({ ok: true, data: undefined }));
  return socket;
}

export function once<T>(socket: PlayerClient, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout waiting for ${event}`)), timeoutMs);
    (socket as unknown as Socket).once(event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args[0] as T);
    });
  });
}

/** Polls until the predicate holds. */
export async function until(pred: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await pred())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
