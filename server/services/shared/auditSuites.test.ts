import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { createAuditStore } from '../../store/auditStore.js';
import { type Db, migrate, openDb } from '../../store/db.js';
import { maskJsonText } from '../credit/privacyMigration.js';
import { createAuditService, GENESIS, macOf, SUITE_SWITCH_ACTION } from './auditService.js';
import type { SuiteId } from './crypto/index.js';

const KEY = Buffer.alloc(32, 9);
const ID = '11010519491231002X';
let dir = '';
let db: Db;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One data dir whose server starts in one suite and later in another, as HALLCAST_CRYPTO changes. */
function dataDir() {
  dir = mkdtempSync(join(tmpdir(), 'hallcast-audit-suite-'));
  db = openDb(join(dir, 'a.db'));
  migrate(db);
  const store = createAuditStore(db);
  const clock = new ManualClock(1_000);
  return { store, serverIn: (suite: SuiteId) => createAuditService(store, KEY, clock, suite) };
}

/** HMAC-SM3 by RFC 2104 from the bare hash, independent of the code under test. */
function hmacSm3(key: Buffer, data: string): string {
  const k = Buffer.alloc(64);
  (key.length > 64 ? createHash('sm3').update(key).digest() : key).copy(k);
  const pad = (b: number) => Buffer.from(k.map((x) => x ^ b));
  const inner = createHash('sm3').update(pad(0x36)).update(data).digest();
  return createHash('sm3').update(pad(0x5c)).update(inner).digest('hex');
}

describe('the audit chain across a switch of crypto suite', () => {
  it('keeps old records in HMAC-SHA256, starts the gm run with one switch record naming the last SHA-256 head', () => {
    const { store, serverIn } = dataDir();
    const standard = serverIn('standard');
    standard.record({ actor: 'u1', action: 'login', summary: {} });
    const lastSha = standard.record({
      actor: 'u1',
      action: 'batch.publish',
      target: 'b1',
      summary: { n: 3 },
    });
    const first = store.bySeq(1)!;
    expect(first.suite).toBe('standard');
    expect(first.mac).toBe(
      createHmac('sha256', KEY)
        .update(JSON.stringify([GENESIS, 1, first.at, 'u1', 'login', null, '{}']))
        .digest('hex'),
    );

    const gm = serverIn('gm');
    expect(gm.verify()).toMatchObject({ ok: true, records: 2, suites: ['standard'] });
    gm.record({ actor: 'u2', action: 'login', summary: {} });
    gm.record({ actor: 'u2', action: 'logout', summary: {} });
    const sw = store.bySeq(3)!;
    expect(sw).toMatchObject({ action: SUITE_SWITCH_ACTION, suite: 'gm', actor: null });
    expect(JSON.parse(sw.summary)).toEqual({ from: 'standard', to: 'gm', lastHead: lastSha });
    // The switch and what follows are HMAC-SM3, the suite inside what is MAC'd.
    expect(sw.mac).toBe(
      hmacSm3(KEY, JSON.stringify([lastSha, 3, sw.at, null, SUITE_SWITCH_ACTION, null, sw.summary, 'gm'])),
    );
    const after = store.bySeq(4)!;
    expect(after.suite).toBe('gm');
    expect(after.mac).toBe(
      hmacSm3(KEY, JSON.stringify([sw.mac, 4, after.at, 'u2', 'login', null, '{}', 'gm'])),
    );
    expect(store.byAction(SUITE_SWITCH_ACTION)).toHaveLength(1);
    expect(gm.verify()).toMatchObject({ ok: true, records: 5, suites: ['standard', 'gm'] });
    // Back to standard: a second switch, and the chain still verifies end to end.
    const back = serverIn('standard');
    back.record({ actor: 'u1', action: 'login', summary: {} });
    expect(back.verify()).toMatchObject({ ok: true, records: 7, suites: ['standard', 'gm', 'standard'] });
  });

  it('fails at a tampered record under either suite, and at a record passed off as the other suite', () => {
    const { store, serverIn } = dataDir();
    serverIn('standard').record({ actor: 'u1', action: 'a', summary: { n: 1 } });
    serverIn('standard').record({ actor: 'u1', action: 'b', summary: { n: 2 } });
    const gm = serverIn('gm');
    gm.record({ actor: 'u1', action: 'c', summary: { n: 3 } });
    gm.record({ actor: 'u1', action: 'd', summary: { n: 4 } });
    const set = (seq: number, col: string, value: string) =>
      db.prepare(`UPDATE audit_log SET ${col} = ? WHERE seq = ?`).run(value, seq);

    const old = store.bySeq(2)!;
    set(2, 'summary', '{"n":20}');
    expect(gm.verify()).toMatchObject({ ok: false, brokenAt: 2 });
    set(2, 'summary', old.summary);

    const newer = store.bySeq(5)!;
    set(5, 'summary', '{"n":40}');
    expect(gm.verify()).toMatchObject({ ok: false, brokenAt: 5 });
    set(5, 'summary', newer.summary);
    expect(gm.verify().ok).toBe(true);

    // A gm record relabelled standard (to be checked by the weaker rule) breaks the chain there.
    set(4, 'suite', 'standard');
    expect(gm.verify()).toMatchObject({ ok: false, brokenAt: 4 });
    set(4, 'suite', 'gm');
    // The switch record must name the head before it.
    const sw = store.bySeq(3)!;
    set(3, 'summary', JSON.stringify({ ...JSON.parse(sw.summary), lastHead: GENESIS }));
    expect(gm.verify()).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('re-chains each record in its own suite, the switch record naming the new head', () => {
    const { store, serverIn } = dataDir();
    // A record chained over a full ID number, as a server before the masking wrote it.
    const row = {
      seq: 1,
      at: 1,
      actor: null,
      action: 'x',
      target: null,
      summary: JSON.stringify({ code: ID }),
    };
    db.prepare(
      'INSERT INTO audit_log (seq, at, actor, action, target, summary, mac, suite) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      row.seq,
      row.at,
      row.actor,
      row.action,
      row.target,
      row.summary,
      macOf(KEY, GENESIS, row),
      'standard',
    );
    serverIn('standard').record({ actor: 'u1', action: 'a', summary: {} });
    const gm = serverIn('gm');
    gm.record({ actor: 'u1', action: 'b', summary: {} });
    expect(gm.verify()).toMatchObject({ ok: true, records: 4, suites: ['standard', 'gm'] });

    const r = db.transaction(() => gm.rechain(maskJsonText, 'mask'))();
    expect(r).toMatchObject({ from: 1, to: 4 });
    expect(gm.verify()).toMatchObject({ ok: true, records: 5, suites: ['standard', 'gm'] });
    expect(store.bySeq(1)!.summary).not.toContain(ID);
    expect(store.bySeq(1)!.suite).toBe('standard');
    const sw = store.byAction(SUITE_SWITCH_ACTION)[0]!;
    expect(JSON.parse(sw.summary).lastHead).toBe(store.bySeq(sw.seq - 1)!.mac);
  });
});
