import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId, makeUscc, maskIdNumber } from '../../../../core/credit/index.js';
import { DUPLICATES_SQL } from '../../../store/batchStore.js';
import { batchCount, csv, entryCount, orgRow, personRow, upload } from '../../../test/creditFixtures.js';
import { type Client, loginAs, startTestServer, type TestServer } from '../../../test/harness.js';
import { identifierHash } from '../../shared/identifiers.js';

const CATEGORY = '环保失信';
/** Entries already in the category: enough that a scan of it is not what the planner would pick by chance. */
const EXISTING = 6000;

let t: TestServer;
let editor: Client;
let categoryId: string;
let otherCategoryId: string;

const codeOf = (i: number) => makeUscc({ region: '231100', orgCode: `D${String(i).padStart(7, '0')}` });
const docOf = (i: number) => `黑环罚〔2026〕${i}号`;

/** Seeds entries through the store in one transaction, in a batch of the given status. */
function seed(
  batchId: string,
  catId: string,
  rows: { code: string; docNo: string; person?: boolean; status?: string }[],
  batchStatus: 'published' | 'rejected' = 'published',
) {
  const s = { ...t.hc.services, db: t.hc.db, stores: t.hc.stores };
  const now = s.clock.now();
  s.db.transaction(() => {
    s.stores.credit.insertBatch({
      id: batchId,
      title: batchId,
      unitId: s.stores.credit.listUnits()[0]!.id,
      categoryId: catId,
      status: 'draft',
      sourceName: 'seed',
      createdBy: null,
      createdAt: now,
    });
    rows.forEach((r, i) => {
      const id = `${batchId}-${i}`;
      s.stores.credit.insertEntry({
        id,
        batchId,
        categoryId: catId,
        rowNumber: i + 2,
        subjectType: r.person ? 'person' : 'org',
        name: `已有主体${i}`,
        nameDisplay: `已有主体${i}`,
        codeDisplay: r.person ? maskIdNumber(r.code) : r.code,
        codeHash: identifierHash(s.secrets.identifierKey, r.code),
        codeSuite: 'standard',
        legalRep: '',
        reason: '违法排污',
        basis: '《环境保护法》',
        docNo: r.docNo,
        authority: '黑河市生态环境局',
        decisionDate: '2026-10-01',
        severity: '严重',
        publishFrom: '2026-10-01',
        publishUntil: '2028-09-30',
        ruleSetVersion: 'seed',
        consent: true,
        codeAnomaly: false,
        flags: [],
        createdAt: now,
      });
      if (r.status)
        s.stores.batches.setEntryStatus({
          id,
          status: r.status as never,
          actor: null,
          at: now,
          reason: 'seed',
          docNo: null,
        });
    });
    s.stores.batches.setStatus({ id: batchId, status: batchStatus, actor: null, at: now });
  })();
}

beforeAll(async () => {
  t = await startTestServer();
  editor = await loginAs(t, 'list-editor');
  const cats = t.hc.stores.credit.listCategories();
  categoryId = cats.find((c) => c.name === CATEGORY)!.id;
  otherCategoryId = cats.find((c) => c.name === '安全生产失信')!.id;
  seed(
    'seed-many',
    categoryId,
    Array.from({ length: EXISTING }, (_, i) => ({ code: codeOf(i), docNo: docOf(i) })),
  );
});
afterAll(async () => {
  await t.close();
});

const planOf = () =>
  (
    t.hc.db.prepare(`EXPLAIN QUERY PLAN ${DUPLICATES_SQL}`).all({ keys: '[]', categoryId }) as {
      detail: string;
    }[]
  ).map((r) => r.detail);

describe('the duplicate lookup', () => {
  it('probes the entries_duplicate index per key and never scans the category, before and after ANALYZE', () => {
    for (const analyzed of [false, true]) {
      if (analyzed) t.hc.db.exec('ANALYZE');
      const plan = planOf();
      expect(plan, plan.join('\n')).toContainEqual(
        expect.stringMatching(
          /^SEARCH e USING (COVERING )?INDEX entries_duplicate \(code_hash=\? AND category_id=\? AND doc_no=\?/,
        ),
      );
      // The keys are the outer loop; entries are never walked.
      expect(plan.findIndex((d) => d.startsWith('SCAN k'))).toBeLessThan(
        plan.findIndex((d) => d.startsWith('SEARCH e')),
      );
      expect(
        plan.some((d) => /entries_category_status|^SCAN e\b/.test(d)),
        plan.join('\n'),
      ).toBe(false);
    }
  });

  it('still serves lookups by keyed hash alone (it replaces entries_code_hash)', () => {
    const plan = (
      t.hc.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM entries WHERE code_hash = ?').all('x') as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    expect(plan).toContainEqual(
      expect.stringMatching(/^SEARCH entries USING (COVERING )?INDEX entries_duplicate \(code_hash=\?\)/),
    );
  });

  it('finds exactly the active pairs of a set in one call', () => {
    const key = (i: number) =>
      [identifierHash(t.hc.services.secrets.identifierKey, codeOf(i)), docOf(i)] as const;
    const found = t.hc.stores.batches.duplicates(categoryId, [
      key(1),
      key(EXISTING - 1),
      [key(2)[0], docOf(3)],
      [identifierHash(t.hc.services.secrets.identifierKey, codeOf(EXISTING + 5)), docOf(EXISTING + 5)],
    ]);
    expect([...found].sort()).toEqual([key(1).join('|'), key(EXISTING - 1).join('|')].sort());
    expect(t.hc.stores.batches.duplicates(otherCategoryId, [key(1)]).size).toBe(0);
    expect(t.hc.stores.batches.duplicates(categoryId, []).size).toBe(0);
  });
});

describe('a preview into a category with many entries', () => {
  it('flags duplicate_active and duplicate_in_file as before, across lookup chunks, writing nothing', async () => {
    const personId = makeResidentId('231102', '1975-03-09', '418');
    const withdrawnCode = makeUscc({ region: '231100', orgCode: 'W0000001' });
    const rejectedCode = makeUscc({ region: '231100', orgCode: 'R0000001' });
    const otherCatCode = makeUscc({ region: '231100', orgCode: 'Q0000001' });
    seed('seed-person', categoryId, [{ code: personId, docNo: '黑环罚〔2026〕P1号', person: true }]);
    seed('seed-withdrawn', categoryId, [
      { code: withdrawnCode, docNo: '黑环罚〔2026〕W1号', status: 'withdrawn' },
    ]);
    seed('seed-pending', categoryId, [
      { code: codeOf(EXISTING + 100), docNo: docOf(EXISTING + 100), status: 'objection-pending' },
    ]);
    seed('seed-rejected', categoryId, [{ code: rejectedCode, docNo: '黑环罚〔2026〕R1号' }], 'rejected');
    seed('seed-other', otherCategoryId, [{ code: otherCatCode, docNo: '黑环罚〔2026〕O1号' }]);

    const row = (code: string, docNo: string) =>
      orgRow({ '统一社会信用代码/证件号码': code, 决定书文号: docNo, 认定部门: '黑河市生态环境局' });
    // 450 rows: three lookup chunks. Sheet row = index + 2.
    const rows = Array.from({ length: 450 }, () => orgRow({ 认定部门: '黑河市生态环境局' }));
    rows[0] = row(codeOf(10), docOf(10)); // row 2: active in the category
    rows[1] = row(codeOf(11), docOf(12)); // row 3: same subject, another decision: new
    rows[2] = row(codeOf(13), docOf(14)); // row 4: another subject, an existing number: new
    rows[3] = personRow(personId.toLowerCase(), { 决定书文号: '黑环罚〔2026〕P1号' }); // row 5: the person, x in lower case
    rows[4] = row(withdrawnCode, '黑环罚〔2026〕W1号'); // row 6: withdrawn entry: new
    rows[5] = row(codeOf(EXISTING + 100), docOf(EXISTING + 100)); // row 7: objection pending counts as active
    rows[6] = row(rejectedCode, '黑环罚〔2026〕R1号'); // row 8: rejected batch: new
    rows[7] = row(otherCatCode, '黑环罚〔2026〕O1号'); // row 9: another category: new
    rows[300] = row(codeOf(10), docOf(10)); // row 302: repeats row 2 (itself active)
    const fresh = row(codeOf(EXISTING + 200), docOf(EXISTING + 200));
    rows[150] = fresh; // row 152
    rows[420] = fresh; // row 422: repeats row 152 two chunks later
    rows[449] = row(codeOf(EXISTING - 1), docOf(EXISTING - 1)); // row 451: the last seeded entry

    const before = [batchCount(t), entryCount(t)];
    const r = await upload(t, editor, csv(rows), CATEGORY);
    expect(r.status).toBe(201);
    expect([batchCount(t), entryCount(t)]).toEqual(before);
    const all = await editor.request('GET', `/api/imports/${r.body.id}/rows?limit=500`);
    expect(all.body.total).toBe(450);
    const codes = new Map<number, string[]>(
      all.body.rows.map((x: any) => [x.row, x.errors.map((e: any) => e.code)]),
    );
    const flagged = [...codes].filter(([, c]) => c.length > 0).map(([rowNo, c]) => [rowNo, c]);
    expect(flagged).toEqual([
      [2, ['duplicate_active']],
      [5, ['duplicate_active']],
      [7, ['duplicate_active']],
      [302, ['duplicate_in_file']],
      [422, ['duplicate_in_file']],
      [451, ['duplicate_active']],
    ]);
    const inFile = all.body.rows.find((x: any) => x.row === 422).errors[0];
    expect(inFile.message).toContain('第 152 行');
    expect(r.body).toMatchObject({ total: 450, error: 6, importable: 444 });
    expect(JSON.stringify(all.body)).not.toContain(personId);
  });
});
