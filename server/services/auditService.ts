import { createHmac } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { AuditRow, AuditStore } from '../store/auditStore.js';

export interface AuditInput {
  actor: string | null;
  action: string;
  target?: string | null;
  summary: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

function macOf(key: Buffer, prev: string, r: Omit<AuditRow, 'mac' | 'seq'> & { seq: number }): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([prev, r.seq, r.at, r.actor, r.action, r.target, r.summary]))
    .digest('hex');
}

/** The tamper-evident audit log: each record's HMAC covers itself and the previous record's MAC. */
export function createAuditService(store: AuditStore, key: Buffer, clock: Clock) {
  return {
    /** Appends a record; call inside the service's transaction. */
    record(input: AuditInput): string {
      const prev = store.last();
      const row = {
        seq: (prev?.seq ?? 0) + 1,
        at: clock.now(),
        actor: input.actor,
        action: input.action,
        target: input.target ?? null,
        summary: JSON.stringify(input.summary),
      };
      const mac = macOf(key, prev?.mac ?? GENESIS, row);
      store.insert({ ...row, mac });
      return mac;
    },
    /** Walks the chain; returns the first broken record's seq, or null when intact. */
    verify(): { ok: true; records: number; head: string } | { ok: false; brokenAt: number; records: number } {
      let prev = GENESIS;
      let expectedSeq = 1;
      let n = 0;
      for (const r of store.iterate()) {
        if (r.seq !== expectedSeq || macOf(key, prev, r) !== r.mac)
          return { ok: false, brokenAt: r.seq, records: n };
        prev = r.mac;
        expectedSeq = r.seq + 1;
        n++;
      }
      return { ok: true, records: n, head: prev };
    },
    head: () => store.last()?.mac ?? GENESIS,
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
