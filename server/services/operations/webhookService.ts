import type { Logger } from 'pino';
import type { Clock } from '../../clock.js';
import type { Metrics } from './metrics.js';
import { type AlertNotice, signDingtalk, type WebhookTarget, webhookBody } from './webhookFormats.js';

type Deps = {
  targets: WebhookTarget[];
  timeoutMs: number;
  dingtalkSecret?: string;
  clock: Clock;
  log?: Logger;
  /** Delays between attempts; tests shorten them. */
  backoffMs?: number[];
  /** Failed attempts and given-up deliveries for /metrics. */
  metrics?: Pick<Metrics, 'webhookFailed'>;
};

/** The robots answer 200 with `errcode`; anything but 0 is a refusal worth logging. */
function refused(body: string): string | null {
  try {
    const json = JSON.parse(body) as { errcode?: unknown; errmsg?: unknown };
    if (typeof json.errcode === 'number' && json.errcode !== 0)
      return `${json.errcode} ${String(json.errmsg)}`;
  } catch {
    // Generic receivers may answer anything.
  }
  return null;
}

/** Sends alert notices to every configured webhook, retrying network failures and 5xx/429. */
export function createWebhookService(d: Deps) {
  const backoff = d.backoffMs ?? [1_000, 5_000, 20_000];
  const inflight = new Set<Promise<void>>();
  let closed = false;
  let log = d.log;

  async function attempt(target: WebhookTarget, notice: AlertNotice): Promise<'done' | 'retry'> {
    const now = d.clock.now();
    const url = target.format === 'dingtalk' ? signDingtalk(target.url, d.dingtalkSecret, now) : target.url;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(webhookBody(target.format, notice, now)),
        signal: AbortSignal.timeout(d.timeoutMs),
      });
      const text = await res.text();
      if (res.status === 429 || res.status >= 500) {
        d.metrics?.webhookFailed(false);
        return 'retry';
      }
      const why = res.ok ? refused(text) : `HTTP ${res.status}`;
      if (why) log?.warn({ url: target.url, format: target.format, why }, 'alert webhook refused');
      return 'done';
    } catch (err) {
      log?.warn({ url: target.url, err: (err as Error).message }, 'alert webhook failed');
      d.metrics?.webhookFailed(false);
      return 'retry';
    }
  }

  async function deliver(target: WebhookTarget, notice: AlertNotice): Promise<void> {
    for (let i = 0; !closed; i++) {
      if ((await attempt(target, notice)) === 'done') return;
      const wait = backoff[i];
      if (wait === undefined) break;
      await new Promise((r) => setTimeout(r, wait).unref());
    }
    if (!closed) d.metrics?.webhookFailed(true);
    log?.error({ url: target.url, event: notice.event, alertId: notice.alert.id }, 'alert webhook gave up');
  }

  return {
    enabled: d.targets.length > 0,
    /** The server's logger, once there is one (services are built before it is passed around). */
    attachLog(l: Logger): void {
      log = l;
    },
    /** Fire and forget: delivery never blocks the caller. */
    send(notice: AlertNotice): void {
      for (const target of d.targets) {
        const p = deliver(target, notice).finally(() => inflight.delete(p));
        inflight.add(p);
      }
    },
    /** Resolves when every delivery in flight has finished (tests, shutdown). */
    async idle(): Promise<void> {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
    close(): void {
      closed = true;
    },
  };
}
export type WebhookService = ReturnType<typeof createWebhookService>;
