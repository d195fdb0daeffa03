import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Change kinds that take an entry off the screens: their full convergence is the takedown time. */
const TAKEDOWN_KINDS = new Set(['withdrawal', 'correction', 'expiry']);

/** Seconds: from a second to an hour, where convergence and takedown times fall. */
const CONVERGENCE_BUCKETS = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 1800, 3600];

/** What the metrics read on each scrape (the live figures are not counted as they happen). */
export interface MetricsSources {
  /** Screens per hall name with their presence. */
  screensByHall(): { hall: string; online: number; offline: number }[];
  /** Changes still converging. */
  pendingChanges(): number;
  /** Connected sockets of each namespace. */
  sockets(): { player: number; admin: number };
}

/**
 * The server's Prometheus metrics (prom-client), one registry per server instance so that
 * several in one process (tests) never mix their figures. Served at /metrics.
 */
export function createMetrics() {
  const registry = new Registry();
  // Process and runtime: CPU, memory, GC and the event loop's delay (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry, prefix: 'hallcast_' });
  let sources: MetricsSources | null = null;

  new Gauge({
    name: 'hallcast_screens',
    help: 'Paired screens by hall and presence',
    labelNames: ['hall', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const h of sources?.screensByHall() ?? []) {
        this.set({ hall: h.hall, state: 'online' }, h.online);
        this.set({ hall: h.hall, state: 'offline' }, h.offline);
      }
    },
  });
  new Gauge({
    name: 'hallcast_changes_pending',
    help: 'Changes still converging on their screens',
    registers: [registry],
    collect() {
      this.set(sources?.pendingChanges() ?? 0);
    },
  });
  new Gauge({
    name: 'hallcast_sockets',
    help: 'Connected Socket.IO clients by namespace',
    labelNames: ['namespace'] as const,
    registers: [registry],
    collect() {
      const s = sources?.sockets() ?? { player: 0, admin: 0 };
      this.set({ namespace: 'player' }, s.player);
      this.set({ namespace: 'admin' }, s.admin);
    },
  });
  const rendered = new Histogram({
    name: 'hallcast_convergence_seconds',
    help: 'From a change to one screen showing it, by change kind',
    labelNames: ['kind'] as const,
    buckets: CONVERGENCE_BUCKETS,
    registers: [registry],
  });
  const complete = new Histogram({
    name: 'hallcast_change_complete_seconds',
    help: 'From a change to the last of its screens showing it, by change kind',
    labelNames: ['kind'] as const,
    buckets: CONVERGENCE_BUCKETS,
    registers: [registry],
  });
  const takedown = new Histogram({
    name: 'hallcast_takedown_seconds',
    help: 'From a withdrawal, correction or expiry to the entry gone from every screen it was on',
    buckets: CONVERGENCE_BUCKETS,
    registers: [registry],
  });
  const importRows = new Counter({
    name: 'hallcast_import_rows_total',
    help: 'Rows read and checked by imports',
    registers: [registry],
  });
  const webhookFailures = new Counter({
    name: 'hallcast_webhook_failures_total',
    help: 'Alert webhook attempts that failed (network, 5xx, 429), and deliveries given up',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });

  return {
    registry,
    /** The live figures' sources, once the realtime side exists (it is built after the services). */
    attach(s: MetricsSources): void {
      sources = s;
    },
    /** One screen showed a change `ms` after it was made; `last` when it was the change's last screen. */
    rendered(kind: string, ms: number, last: boolean): void {
      rendered.observe({ kind }, ms / 1000);
      if (!last) return;
      complete.observe({ kind }, ms / 1000);
      if (TAKEDOWN_KINDS.has(kind)) takedown.observe(ms / 1000);
    },
    importedRows: (n: number) => importRows.inc(n),
    webhookFailed: (gaveUp: boolean) => webhookFailures.inc({ outcome: gaveUp ? 'gave_up' : 'retry' }),
    /** The text exposition format. */
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
