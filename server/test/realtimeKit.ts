import { randomBytes, randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import type { Dataset } from '../../core/credit/dataset.js';
import type { Manifest } from '../../core/manifest/types.js';
import type {
  ChangeProgress,
  ManifestUpdated,
  PlayerToServer,
  ServerToAdmin,
  ServerToPlayer,
} from '../../core/protocol/events.js';
import { sha256 } from '../services/access/authService.js';
import { csv, upload } from './creditFixtures.js';
import { type Client, type TestServer, until } from './harness.js';

/** Screens written straight into the database with their tokens (pairing is tested elsewhere). */
export function createScreens(
  t: Pick<TestServer, 'hc'>,
  n: number,
  prefix = '测试屏',
): { id: string; token: string }[] {
  const s = { ...t.hc.services, db: t.hc.db, stores: t.hc.stores };
  const hall = s.stores.halls.listHalls()[0]!;
  const group = s.stores.halls.listGroups()[0]!;
  const out: { id: string; token: string }[] = [];
  s.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const token = randomBytes(32).toString('hex');
      const id = randomUUID();
      s.stores.screens.insert({
        id,
        name: `${prefix}${i + 1}`,
        hallId: hall.id,
        groupId: group.id,
        layout: 'landscape',
        width: 1920,
        height: 1080,
        tokenHash: sha256(token),
        pairedAt: s.clock.now(),
      });
      out.push({ id, token });
    }
  })();
  return out;
}

type Events = { name: string; payload: unknown }[];

/**
 * A simulated player on a real socket.io-client: acks `manifest:updated`, fetches the manifest
 * when it is not inline and the datasets it does not hold, then sends `player:rendered`.
 */
export class SimPlayer {
  socket!: Socket<ServerToPlayer, PlayerToServer>;
  events: Events = [];
  manifest: Manifest | null = null;
  datasets = new Map<string, Dataset>();
  rendered = 0;
  constructor(
    readonly t: TestServer,
    readonly screen: { id: string; token: string },
    readonly opts: { render?: boolean } = {},
  ) {
    this.open();
  }

  open(): this {
    this.socket = connect(`${this.t.url}/player`, {
      auth: { token: this.screen.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket.onAny((name: string, payload: unknown) => this.events.push({ name, payload }));
    this.socket.on('disconnect', () => this.events.push({ name: 'disconnect', payload: null }));
    this.socket.on('manifest:updated', (p, ack) => {
      ack({ ok: true, data: undefined });
      // A player closed in the middle of an update simply stops; that is not a test failure.
      if (this.opts.render !== false) this.apply(p).catch(() => undefined);
    });
    return this;
  }

  private async apply(p: ManifestUpdated): Promise<void> {
    const auth = { authorization: `Bearer ${this.screen.token}` };
    const manifest =
      p.manifest ??
      ((await (await fetch(`${this.t.url}/api/player/manifest`, { headers: auth })).json()) as Manifest);
    for (const d of manifest.datasets) {
      if (this.datasets.has(d.hash)) continue;
      const res = await fetch(`${this.t.url}/datasets/${d.hash}`, { headers: auth });
      this.datasets.set(d.hash, (await res.json()) as Dataset);
    }
    this.manifest = manifest;
    const ack = await this.socket
      .timeout(5000)
      .emitWithAck('player:rendered', { revision: manifest.revision });
    if (ack.ok) this.rendered = manifest.revision;
  }

  /** Names of the entries the player would show now. */
  entryNames(): string[] {
    return (this.manifest?.datasets ?? []).flatMap(
      (d) => this.datasets.get(d.hash)?.entries.map((e) => e.name) ?? [],
    );
  }

  async connected(): Promise<this> {
    await until(() => this.socket.connected);
    return this;
  }

  close(): void {
    this.socket.close();
  }
}

/** An /admin socket with the client's session cookie, recording what it receives. */
export function adminSocket(t: TestServer, c: Client) {
  const socket: Socket<ServerToAdmin, Record<string, never>> = connect(`${t.url}/admin`, {
    transports: ['websocket'],
    extraHeaders: { cookie: c.cookie },
    reconnection: false,
    forceNew: true,
  });
  const events: Events = [];
  socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
  return {
    socket,
    events,
    progressOf: (changeId: string) =>
      events
        .filter((e) => e.name === 'change:progress' && (e.payload as ChangeProgress).changeId === changeId)
        .map((e) => e.payload as ChangeProgress),
  };
}

let seq = 0;
/** A list row for an organisation with a fixed, valid code (as creditFixtures builds them). */
export async function approvedBatch(t: TestServer, editor: Client, reviewer: Client, rows: string[][]) {
  const p = await upload(t, editor, csv(rows));
  if (p.status !== 201) throw new Error(`upload: ${JSON.stringify(p.body)}`);
  const b = await editor.request('POST', `/api/imports/${p.body.id}/confirm`, {
    title: `实时测试批次${++seq}`,
  });
  await editor.request('POST', `/api/batches/${b.body.id}/submit`);
  await reviewer.request('POST', `/api/batches/${b.body.id}/approve`, {});
  return b.body.id as string;
}

/** Publishes and answers the change id. */
export async function publish(reviewer: Client, batchId: string): Promise<string> {
  const r = await reviewer.request('POST', `/api/batches/${batchId}/publish`);
  if (r.status !== 200) throw new Error(`publish: ${JSON.stringify(r.body)}`);
  return r.body.changeId as string;
}
