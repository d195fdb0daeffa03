import { afterAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../../core/credit/index.js';
import { csv, personRow, upload } from '../../test/creditFixtures.js';
import { type Client, loginAs, startTestServer, type TestServer } from '../../test/harness.js';
import { identifierHash } from '../shared/identifiers.js';

const ID_OLD = makeResidentId('231102', '1971-03-04', '215');
const ID_NEW = makeResidentId('231102', '1984-09-10', '638');
const CATEGORY = '失信被执行人';
let t: TestServer | undefined;
afterAll(() => t?.close());

async function publish(s: TestServer, rows: string[][]) {
  const editor = await loginAs(s, 'list-editor');
  const reviewer = await loginAs(s, 'reviewer');
  const p = await upload(s, editor, csv(rows), CATEGORY);
  expect(p.status).toBe(201);
  const b = await editor.request('POST', `/api/imports/${p.body.id}/confirm`, { title: '套件测试批次' });
  expect(b.status).toBe(201);
  expect((await editor.request('POST', `/api/batches/${b.body.id}/submit`)).status).toBe(200);
  expect((await reviewer.request('POST', `/api/batches/${b.body.id}/approve`, {})).status).toBe(200);
  expect((await reviewer.request('POST', `/api/batches/${b.body.id}/publish`)).status).toBe(200);
  return { editor, batchId: b.body.id as string };
}
const suitesOf = (s: TestServer, batchId: string) =>
  s.hc.db
    .prepare('SELECT code_suite AS suite, code_hash AS hash FROM entries WHERE batch_id = ?')
    .all(batchId) as {
    suite: string;
    hash: string;
  }[];
const search = async (c: Client, code: string) =>
  (await c.request('GET', `/api/entries?q=${encodeURIComponent(code)}`)).body.entries as { name: string }[];

describe('keyed identifier hashes across a switch of HALLCAST_CRYPTO', () => {
  it('hashes new entries in SM3 and still finds, de-duplicates and withdraws those hashed before', async () => {
    const first = await startTestServer();
    const { dataDir } = first;
    const key = first.hc.services.secrets.identifierKey;
    const old = await publish(first, [
      personRow(ID_OLD, { 主体名称: '周某某', 决定书文号: '黑中法执〔2026〕7号' }),
    ]);
    expect(suitesOf(first, old.batchId)).toEqual([{ suite: 'standard', hash: identifierHash(key, ID_OLD) }]);
    await first.hc.stop();

    t = await startTestServer({ dataDir, crypto: 'gm' });
    const editor = await loginAs(t, 'list-editor');
    // The same person under the same decision again: refused as a duplicate of the SHA-256-hashed entry.
    const again = await upload(
      t,
      editor,
      csv([personRow(ID_OLD, { 决定书文号: '黑中法执〔2026〕7号' })]),
      CATEGORY,
    );
    expect(again.status).toBe(201);
    const rows = await editor.request('GET', `/api/imports/${again.body.id}/rows`);
    expect(rows.body.rows[0].errors.map((e: { code: string }) => e.code)).toContain('duplicate_active');

    const fresh = await publish(t, [personRow(ID_NEW, { 主体名称: '吴某某' })]);
    const [stored] = suitesOf(t, fresh.batchId);
    expect(stored).toEqual({ suite: 'gm', hash: identifierHash(key, ID_NEW, 'gm') });
    expect(stored!.hash).not.toBe(identifierHash(key, ID_NEW, 'standard'));

    // Search by code finds each in its own suite.
    expect((await search(editor, ID_OLD)).map((e) => e.name)).toEqual(['周某某']);
    expect((await search(editor, ID_NEW)).map((e) => e.name)).toEqual(['吴某某']);

    // The platform's withdrawal by code of the entry imported before the switch.
    const w = await editor.request('POST', '/api/entries/withdraw-by-code', {
      code: ID_OLD,
      kind: 'repair',
      reason: '已完成信用修复',
      docNo: '黑中法执恢〔2026〕3号',
    });
    expect(w.status).toBe(200);
    expect(w.body).toHaveLength(1);
    const status = t.hc.db.prepare('SELECT status FROM entries WHERE batch_id = ?').get(old.batchId) as {
      status: string;
    };
    expect(status.status).not.toBe('active');

    // The audit chain ran on across the switch: one switch record, then HMAC-SM3.
    const verify = t.hc.services.audit.verify();
    expect(verify).toMatchObject({ ok: true, suites: ['standard', 'gm'] });
  });
});
