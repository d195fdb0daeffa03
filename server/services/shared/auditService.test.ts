import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { createAuditStore } from '../../store/auditStore.js';
import { type Db, migrate, openDb } from '../../store/db.js';
import { maskJsonText } from '../credit/privacyMigration.js';
import { createAuditService, GENESIS, macOf } from './auditService.js';

const ID = '11010519491231002X';
const KEY = Buffer.alloc(32, 7);
let dir = '';
let db: Db;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup() {
  dir = mkdtempSync(join(tmpdir(), 'hallcast-rechain-'));
  db = openDb(join(dir, 'a.db'));
  migrate(db);
  const store = createAuditStore(db);
  const audit = createAuditService(store, KEY, new ManualClock(1000));
  return { store, audit };
}
// Rows written as the old server did: summaries stored as given, chained by record().
const rawSummary = (seq: number, summary: string) =>
  db.prepare('UPDATE audit_log SET summary = ? WHERE seq = ?').run(summary, seq);

describe('audit re-chaining', () => {
  it('masks summaries on record(), whatever the service passes', () => {
    const { store, audit } = setup();
    audit.record({ actor: null, action: 'x', target: `t ${ID}`, summary: { a: [`号 ${ID}`], n: 1 } });
    const row = store.last()!;
    expect(row.summary).toBe('{"a":["号 110105********002X"],"n":1}');
    expect(row.target).toBe('t 110105********002X');
    expect(audit.verify().ok).toBe(true);
  });

  it('re-chains from the first changed record and keeps the old MACs to place old anchors', () => {
    const { audit } = setup();
    // Records chained over full numbers, as a server before the fix wrote them.
    const summaries = [{ i: 0 }, { i: ID }, { i: 2 }, { i: [`${ID}!`] }];
    let prev = GENESIS;
    const old: string[] = [];
    summaries.forEach((summary, k) => {
      const row = {
        seq: k + 1,
        at: 1,
        actor: null,
        action: 'x',
        target: null,
        summary: JSON.stringify(summary),
      };
      prev = macOf(KEY, prev, row);
      old.push(prev);
      db.prepare(
        'INSERT INTO audit_log (seq, at, actor, action, target, summary, mac) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(row.seq, row.at, row.actor, row.action, row.target, row.summary, prev);
    });
    expect(audit.verify().ok).toBe(true);
    const r = db.transaction(() => audit.rechain(maskJsonText, 'mask'))();
    expect(r).toMatchObject({ from: 2, to: 4, oldHead: old[3], rechainSeq: 5, reason: 'mask' });
    const v = audit.verify();
    expect(v).toMatchObject({ ok: true, records: 5 });
    expect(audit.rechains()).toEqual([
      {
        from: 2,
        to: 4,
        oldHead: old[3],
        newHead: (r as { newHead: string }).newHead,
        reason: 'mask',
        seq: 5,
      },
    ]);
    expect(audit.place(old[0]!)).toEqual({ kind: 'current', seq: 1 });
    expect(audit.place(old[2]!)).toMatchObject({ kind: 'rechained', seq: 3, rechainSeq: 5 });
    expect(audit.place(audit.head())).toEqual({ kind: 'current', seq: 5 });
    expect(audit.place('e'.repeat(64))).toEqual({ kind: 'unknown' });
    // Idempotent: nothing left to mask, nothing re-chained again.
    expect(audit.rechain(maskJsonText, 'mask')).toBeNull();
  });

  it('never re-chains over a chain already broken: the break stays where it was', () => {
    const { audit, store } = setup();
    for (let i = 0; i < 4; i++) audit.record({ actor: null, action: 'x', summary: { i } });
    const macBefore = store.bySeq(3)!.mac;
    rawSummary(2, '{"i":"篡改"}');
    rawSummary(3, JSON.stringify({ i: ID }));
    const r = audit.rechain(maskJsonText, 'mask');
    expect(r).toEqual({ brokenAt: 2, rewritten: 1 });
    expect(store.bySeq(3)!.summary).toBe('{"i":"110105********002X"}');
    expect(store.bySeq(3)!.mac).toBe(macBefore);
    expect(audit.verify()).toMatchObject({ ok: false, brokenAt: 2 });
    expect(audit.rechains()).toEqual([]);
  });
});
