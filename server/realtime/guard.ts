import type { z } from 'zod';
import type { Ack, AckFn } from '../../core/protocol/events.js';
import { AppError, internalError } from '../errors.js';

/** Counts what players send that the server refuses. */
export interface RealtimeStats {
  /** Payloads that failed their schema, and events no handler knows. */
  malformed: number;
  /** Events dropped by a per-socket rate limit. */
  rateLimited: number;
  /** Of `malformed`: events with a name outside the protocol. */
  unknownEvents: number;
}

export const newStats = (): RealtimeStats => ({ malformed: 0, rateLimited: 0, unknownEvents: 0 });

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
    // A clock moved backwards (a test's manual clock) must not mint tokens or poison the bucket.
    const elapsed = Math.max(0, t - this.last);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export const fail = (code: string, message: string): Ack<never> => ({ ok: false, error: { code, message } });

/** The ack callback, if the event came with one (it is always the last argument). */
export function ackOf(args: unknown[]): AckFn<unknown> | undefined {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as AckFn<unknown>) : undefined;
}

/**
 * Wraps a socket handler: checks the rate, parses the payload with its schema and answers the
 * ack; nothing a player sends can throw into socket.io.
 */
export function guarded<S extends z.ZodType, R>(
  schema: S,
  bucket: Bucket,
  stats: RealtimeStats,
  handler: (payload: z.output<S>) => R | Promise<R>,
): (...args: unknown[]) => void {
  return (...args) => {
    const reply = ackOf(args) as AckFn<R> | undefined;
    const payload = args.length > 0 && typeof args[0] !== 'function' ? args[0] : undefined;
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
    const failed = (err: unknown) => {
      const e = err instanceof AppError ? err : internalError('internal', 'internal error');
      reply?.(fail(e.code, e.message));
    };
    try {
      const out = handler(parsed.data);
      // A handler may answer later (its write commits with others in one transaction).
      if (out instanceof Promise) out.then((data: R) => reply?.({ ok: true, data }), failed);
      else reply?.({ ok: true, data: out });
    } catch (err) {
      failed(err);
    }
  };
}
