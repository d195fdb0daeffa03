import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csvWithCell,
  honestCellBomb,
  lyingCellBomb,
  overlappingEntries,
  sharedStringsBomb,
} from '../../services/credit/import/bombFixtures.js';
import { batchCount, csv, entryCount, orgRow, upload } from '../../test/creditFixtures.js';
import { type Client, loginAs, startTestServer, type TestServer } from '../../test/harness.js';

const MB = 1024 * 1024;
let t: TestServer;
let editor: Client;
beforeAll(async () => {
  t = await startTestServer();
  editor = await loginAs(t, 'list-editor');
});
afterAll(async () => {
  await t.close();
});

const auditCount = () => (t.hc.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

/** Uploads a hostile file; checks that nothing was written and no preview came back. */
async function hostile(body: Buffer, name = 'list.xlsx') {
  const before = [batchCount(t), entryCount(t), auditCount()];
  const r = await upload(t, editor, body, '严重违法失信企业', name);
  expect([batchCount(t), entryCount(t), auditCount()]).toEqual(before);
  expect(r.body.id).toBeUndefined();
  return r;
}

describe('POST /api/imports with ZIP bombs', () => {
  it('answers a 200 MB cell behind a 4 KB declared size with 413 and what to do', async () => {
    const r = await hostile(await lyingCellBomb(200 * MB));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('file_inflated_too_large');
    expect(r.body.error.message).toMatch(/压缩炸弹.*请.*另存为普通 xlsx 或 csv/);
  });

  it('answers an honestly declared huge cell with 413 cell_too_large', async () => {
    const r = await hostile(await honestCellBomb(20 * MB));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('cell_too_large');
  });

  it('answers shared strings past the inflate limit with 413, naming the limit', async () => {
    const r = await hostile(await sharedStringsBomb(300 * MB));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('file_too_large');
    expect(r.body.error.message).toContain('256 MB');
  });

  it('answers overlapping directory entries with 422 file_corrupt', async () => {
    const r = await hostile(await overlappingEntries(10_000, 1024));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('file_corrupt');
  });

  it('answers a CSV with a 19 MB cell with 413 naming the row', async () => {
    const r = await hostile(csvWithCell(6_800_000), 'list.csv');
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('cell_too_large');
    expect(r.body.error.message).toContain('第 2 行');
  });

  it('still previews a good file after the bombs', async () => {
    const r = await upload(t, editor, csv([orgRow()]));
    expect(r.status).toBe(201);
    expect(r.body.importable).toBe(1);
  });
});

describe('uploads taking turns', () => {
  let q: TestServer;
  let c: Client;
  beforeAll(async () => {
    q = await startTestServer({ importReaders: 1, importQueueMax: 1 });
    c = await loginAs(q, 'list-editor');
  });
  afterAll(async () => {
    await q.close();
  });

  it('reads one file at a time, queues the next and refuses past the queue with 429, staging nothing for it', async () => {
    const rows = Array.from({ length: 3000 }, () => orgRow());
    const file = csv(rows);
    const staged = () =>
      (q.hc.db.prepare('SELECT count(*) AS n FROM import_previews').get() as { n: number }).n;
    const before = [batchCount(q), entryCount(q), staged()];
    const answers = await Promise.all([1, 2, 3].map(() => upload(q, c, file)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 429]);
    const refused = answers.find((r) => r.status === 429)!;
    expect(refused.body.error.code).toBe('import_busy');
    expect(refused.body.error.message).toMatch(/请稍等.*重新上传/);
    expect([batchCount(q), entryCount(q), staged()]).toEqual([before[0], before[1], before[2]! + 2]);
  });
});
