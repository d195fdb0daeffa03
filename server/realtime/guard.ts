import type { z } from 'zod';
import type { Ack, AckFn } from '../../core/protocol/events.js';
import { AppError } from '../errors.js';

/** Counts what players send that the server refuses. */
export interface RealtimeStats {
  malformed: number;
  rateLimited: number;
}

/** A per-socket token bucket for one event kind. */
export class Bucket {
  private tokens: number;
  private last: number;
  constructor(
    private capacity: number,
    private perSecond: number,
    private now: () => number,
  ) {
    this.tokens = capacity;
    this.last = now();
  }
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

const fail = (code: string, message: string): Ack<never> => ({ ok: false, error: { code, message } });

/**
 * Wraps a socket handler: checks the rate, parses the payload with its schema and answers the
 * ack; nothing a player sends can throw into socket.io.
 */
export function guarded<S extends z.ZodType, R>(
  schema: S,
  bucket: Bucket,
  stats: RealtimeStats,
  handler: (payload: z.output<S>) => R,
): (payload: unknown, ack?: unknown) => void {
  return (payload, ack) => {
    const reply = typeof ack === 'function' ? (ack as AckFn<R>) : undefined;
    if (!bucket.take()) {
      stats.rateLimited++;
      reply?.(fail('rate_limited', 'too many events'));
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      stats.malformed++;
      reply?.(fail('invalid_payload', parsed.error.issues[0]?.message ?? 'invalid payload'));
      return;
    }
    try {
      reply?.({ ok: true, data: handler(parsed.data) });
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError(500, 'internal', 'internal error');
      reply?.(fail(e.code, e.message));
    }
  };
}
