/**
 * kill -9 at seeded points during import confirm, publish and withdrawal: after each kill the
 * database file is sound and holds no partial batch, publication or withdrawal, and after the
 * restart every player reconnects by itself and ends on its screen's latest revision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, orgRow } from '../server/test/creditFixtures.js';
import type { Client } from '../server/test/harness.js';
import { checkDb } from './integrity.js';
import { FaultPlayer, ServerProcess, sleep, waitFor } from './kit.js';
import { SOAK, seeded } from './seed.js';

const KILLS = SOAK ? 100 : 20;
const PLAYERS = 3;
const rng = seeded('kill');

let server: ServerProcess;
const players: FaultPlayer[] = [];
let editor: Client;
let reviewer: Client;
let unitId = '';
let categoryId = '';
let seq = 0;

async function signIn(): Promise<void> {
  editor = await server.login('list-editor');
  reviewer = await server.login('reviewer');
}

/** Uploads a seeded CSV of `rows` valid rows and answers the preview id. */
async function preview(rows: number): Promise<string> {
  const body = csv(Array.from({ length: rows }, () => orgRow()));
  const query = new URLSearchParams({ unitId, categoryId });
  const res = await fetch(`${server.url}/api/imports?${query}`, {
    method: 'POST',
    headers: {
      cookie: editor.cookie,
      'x-csrf-token': editor.csrf,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('fault.csv'),
    },
    body: new Uint8Array(body),
  });
  const json = (await res.json()) as { id: string; error?: unknown };
  if (res.status !== 201) throw new Error(`upload: ${JSON.stringify(json)}`);
  return json.id;
}

async function approvedBatch(rows: number): Promise<string> {
  const id = await preview(rows);
  const b = await editor.request('POST', `/api/imports/${id}/confirm`, { title: `故障批次${++seq}` });
  if (b.status !== 201) throw new Error(`confirm: ${JSON.stringify(b.body)}`);
  await editor.request('POST', `/api/batches/${b.body.id}/submit`);
  const a = await reviewer.request('POST', `/api/batches/${b.body.id}/approve`, {});
  if (a.status !== 200) throw new Error(`approve: ${JSON.stringify(a.body)}`);
  return b.body.id as string;
}

type Op = 'confirm' | 'publish' | 'withdraw';
/** Prepares the seeded operation (not killed) and answers the request to kill in flight. */
async function prepare(op: Op, rows: number): Promise<{ fire: () => Promise<unknown>; note: string }> {
  if (op === 'confirm') {
    const id = await preview(rows);
    const title = `故障批次${++seq}`;
    return {
      fire: () => editor.request('POST', `/api/imports/${id}/confirm`, { title }),
      note: `${title} (${rows} rows)`,
    };
  }
  if (op === 'publish') {
    const id = await approvedBatch(rows);
    return { fire: () => reviewer.request('POST', `/api/batches/${id}/publish`), note: `batch ${id}` };
  }
  const page = await editor.request('GET', '/api/entries?status=active&limit=100');
  const shown = (page.body.entries as { id: string; onDisplay: boolean }[]).filter((e) => e.onDisplay);
  const entry = shown[rng.int(shown.length)];
  if (!entry) return prepare('publish', rows);
  return {
    fire: () =>
      editor.request('POST', `/api/entries/${entry.id}/withdraw`, {
        kind: 'revocation',
        reason: '故障测试撤下',
        docNo: `故障〔2026〕${seq}号`,
      }),
    note: `entry ${entry.id}`,
  };
}

/** Every player on the revision the server holds for its screen, as the admin API answers it. */
async function converged(): Promise<boolean> {
  const r = await reviewer.request('GET', '/api/screens');
  if (r.status !== 200) return false;
  const rev = new Map((r.body as { id: string; revision: number }[]).map((s) => [s.id, s.revision]));
  return players.every(
    (p) => p.socket.connected && p.rendered === rev.get(p.screen.screenId) && p.revision === p.rendered,
  );
}

beforeAll(async () => {
  server = await ServerProcess.start({ HALLCAST_RECONNECT_MAX_MS: '500', HALLCAST_HEARTBEAT_MS: '1000' });
  await signIn();
  unitId = (await editor.request('GET', '/api/units')).body[0].id;
  categoryId = (await editor.request('GET', '/api/categories')).body.find(
    (c: { name: string }) => c.name === '严重违法失信企业',
  ).id;
  for (let i = 0; i < PLAYERS; i++)
    players.push(new FaultPlayer(server.url, await server.pair(`故障屏${i + 1}`)));
  await waitFor('players on their first revision', converged);
}, 120_000);

afterAll(async () => {
  for (const p of players) p.close();
  await server?.close();
});

describe('kill -9 during import confirm, publish and withdrawal', () => {
  it(
    `survives ${KILLS} seeded kills with a sound database and every player on the latest revision`,
    async () => {
      const t0 = Date.now();
      const tally = { confirm: 0, publish: 0, withdraw: 0, answered: 0, inFlight: 0 };
      let boots = 0;
      let bootMs = 0;
      let convergeMax = 0;
      const took: number[] = [];
      const refusals: string[] = [];
      for (let k = 0; k < KILLS; k++) {
        const op = (['confirm', 'publish', 'withdraw'] as const)[rng.int(3)]!;
        const rows = 50 + rng.int(1500);
        const { fire, note } = await prepare(op, rows);
        // Spread over a little more than the request takes on this machine (measured: confirm
        // ~20 ms + 0.06 ms a row, publish 15-50 ms, withdrawal 15-25 ms), so kills land before,
        // inside and after the transaction.
        const delay = rng.int(op === 'confirm' ? 20 + Math.round(rows * 0.08) : op === 'publish' ? 60 : 40);
        let answered = false;
        const sent = performance.now();
        const req = fire().then(
          (r) => {
            const status = (r as { status: number }).status;
            if (status >= 300)
              refusals.push(`${op} ${note}: ${status} ${JSON.stringify((r as { body: unknown }).body)}`);
            answered = status < 300;
            took.push(Math.round(performance.now() - sent));
          },
          () => undefined,
        );
        await sleep(delay);
        await server.kill9();
        await req;
        tally[op]++;
        if (answered) tally.answered++;
        else tally.inFlight++;
        const facts = checkDb(server.dbFile);
        expect(facts.problems, `kill ${k + 1} (${op} ${note}, +${delay} ms), seed ${rng.seed}`).toEqual([]);
        const batch = [...facts.batchStatus.values()].find((b) => note.startsWith(`${b.title} `));
        if (op === 'confirm' && batch) expect(batch.entries, `${note} stored whole`).toBe(rows);
        // What the server answered as done survives the kill (committed before the answer).
        if (answered && op === 'confirm') expect(batch, `${note} answered but lost`).toBeDefined();
        if (answered && op === 'publish')
          expect(
            facts.batchStatus.get(note.slice('batch '.length))?.status,
            `${note} answered as published`,
          ).toBe('published');
        bootMs += await server.up();
        boots++;
        await signIn();
        const ms = await waitFor(
          `players on the latest revision after kill ${k + 1} (seed ${rng.seed})`,
          converged,
        );
        convergeMax = Math.max(convergeMax, ms);
      }
      const final = checkDb(server.dbFile);
      expect(final.problems).toEqual([]);
      expect(refusals, 'every operation the server answered succeeded').toEqual([]);
      expect(Math.min(...players.map((p) => p.connects))).toBeGreaterThan(KILLS);
      console.log(
        `kill -9: seed ${rng.seed}, ${KILLS} kills survived (confirm ${tally.confirm}, publish ${tally.publish}, withdraw ${tally.withdraw}; ${tally.inFlight} in flight, ${tally.answered} after the answer), ` +
          `integrity ok, ${final.batches} batches / ${final.entries} entries whole, ${PLAYERS} players on the latest revision after each restart ` +
          `(answered in ${Math.min(...took)}-${Math.max(...took)} ms; boot avg ${Math.round(bootMs / boots)} ms, converge max ${convergeMax} ms), RSS after ${server.rssMb()} MB, ${Math.round((Date.now() - t0) / 1000)} s`,
      );
    },
    SOAK ? 1_800_000 : 600_000,
  );
});
