import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../core/protocol/events.js';
import { csv, orgRow, upload, xlsx } from '../../../test/creditFixtures.js';
import { type Client, loginAs, startTestServer, type TestServer, until } from '../../../test/harness.js';
import { adminSocket } from '../../../test/realtimeKit.js';

type Admin = ReturnType<typeof adminSocket>;
/** A progress event and whether it arrived while the server was still checking rows. */
type Heard = ImportProgress & { whileChecking: boolean };

const ROWS = 4000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connected(t: TestServer, c: Client): Promise<Admin> {
  const a = adminSocket(t, c);
  await until(() => a.socket.connected);
  return a;
}

const progressOf = (a: Admin) =>
  a.events.filter((e) => e.name === 'import:progress').map((e) => e.payload as ImportProgress);

/**
 * Uploads with an uploadId and records what `admin` hears, marking what came before the server
 * raised the check's last step (server and client share one event loop here, so an event heard
 * by then went out while the check was still running).
 */
async function uploadHeard(
  t: TestServer,
  c: Client,
  admin: Admin,
  body: Buffer,
  uploadId: string,
  name?: string,
) {
  const heard: Heard[] = [];
  let checked = false;
  const off = t.hc.services.bus.on((e) => {
    if (
      e.type === 'import:progress' &&
      e.progress.phase === 'checking' &&
      e.progress.done === e.progress.total
    )
      checked = true;
  });
  admin.socket.on('import:progress', (p) => heard.push({ ...p, whileChecking: !checked }));
  try {
    return { r: await upload(t, c, body, undefined, name, uploadId), heard };
  } finally {
    off();
  }
}

/** Within each phase `done` grows, reading comes before checking, and each phase ends at its total. */
function expectOrderly(heard: Heard[], uploadId: string, total: number): void {
  expect(heard.every((p) => p.uploadId === uploadId)).toBe(true);
  const phases = heard.map((p) => p.phase);
  expect(phases.indexOf('checking')).toBe(phases.lastIndexOf('reading') + 1);
  for (const phase of ['reading', 'checking'] as const) {
    const steps = heard.filter((p) => p.phase === phase);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.done).toBeGreaterThan(steps[i - 1]!.done);
    expect(steps.at(-1)).toMatchObject({ done: total, total });
  }
  expect(heard.at(-1)).toMatchObject({ phase: 'checking', done: total, total });
}

describe('import progress over the /admin socket', () => {
  let t: TestServer;
  let editor: Client;
  let editorElsewhere: Client;
  let admin: Client;
  beforeAll(async () => {
    // A 1 ms throttle lets a few thousand rows show several steps per phase.
    t = await startTestServer({ importProgressMs: 1 });
    editor = await loginAs(t, 'list-editor');
    editorElsewhere = await loginAs(t, 'list-editor');
    admin = await loginAs(t, 'sysadmin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('an uploadId that is not one is a 400 before the file is read', async () => {
    const r = await upload(t, editor, csv([orgRow()]), undefined, undefined, 'a/b');
    expect(r.status).toBe(400);
  });

  it('reading and checking a csv reach the uploading session only, while the work goes on', async () => {
    const mine = await connected(t, editor);
    const sameUserOtherSession = await connected(t, editorElsewhere);
    const otherUser = await connected(t, admin);
    try {
      const rows = Array.from({ length: ROWS }, () => orgRow());
      const { r, heard } = await uploadHeard(t, editor, mine, csv(rows), 'csv-upload-1');
      expect(r.status).toBe(201);
      expect(r.body.total).toBe(ROWS);
      await until(() => heard.at(-1)?.done === ROWS && heard.at(-1)?.phase === 'checking');

      expectOrderly(heard, 'csv-upload-1', ROWS);
      // The csv knows its line count up front, so even the reading steps carry the exact total.
      expect(heard.every((p) => p.total === ROWS)).toBe(true);
      const checking = heard.filter((p) => p.phase === 'checking');
      expect(checking[0]?.done).toBe(0);
      // The check yields between chunks, so its steps go out as it runs, not all at its end.
      expect(checking.some((p) => p.done > 0 && p.done < ROWS && p.whileChecking)).toBe(true);

      await pause(100);
      expect(progressOf(sameUserOtherSession)).toEqual([]);
      expect(progressOf(otherUser)).toEqual([]);
    } finally {
      for (const a of [mine, sameUserOtherSession, otherUser]) a.socket.close();
    }
  });

  it('an xlsx reports its reading and checking too', async () => {
    const mine = await connected(t, editor);
    try {
      const rows = Array.from({ length: 2500 }, () => orgRow());
      const { r, heard } = await uploadHeard(t, editor, mine, await xlsx(rows), 'xlsx-upload-1', 'list.xlsx');
      expect(r.status).toBe(201);
      await until(() => heard.at(-1)?.done === 2500 && heard.at(-1)?.phase === 'checking');
      expectOrderly(heard, 'xlsx-upload-1', 2500);
    } finally {
      mine.socket.close();
    }
  });

  it('without an uploadId nothing is sent', async () => {
    const mine = await connected(t, editor);
    try {
      const r = await upload(t, editor, csv(Array.from({ length: 1500 }, () => orgRow())));
      expect(r.status).toBe(201);
      await pause(100);
      expect(progressOf(mine)).toEqual([]);
    } finally {
      mine.socket.close();
    }
  });
});
