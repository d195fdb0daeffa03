import type { BootReport } from '../../../core/protocol/events.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { rateLimited, tooLarge } from '../../errors.js';
import type { createBootReportStore } from '../../store/bootReportStore.js';
import { RateLimiter } from '../access/rateLimiter.js';

interface Deps {
  reports: ReturnType<typeof createBootReportStore>;
  clock: Clock;
  config: Pick<
    Config,
    | 'bootReportRateMax'
    | 'bootReportGlobalMax'
    | 'bootReportWindowMs'
    | 'bootReportMaxBytes'
    | 'bootReportKeep'
  >;
}

/**
 * Reports from the player page's boot script on boxes that cannot run the player. The endpoint
 * is public (such a box can never pair), so every report is size-checked and rate-limited per
 * address and in total before anything is written, and only the newest are kept.
 */
export function createBootReportService(d: Deps) {
  const perIp = new RateLimiter(d.clock, d.config.bootReportRateMax, d.config.bootReportWindowMs);
  const total = new RateLimiter(d.clock, d.config.bootReportGlobalMax, d.config.bootReportWindowMs);
  return {
    /** The size of a report as sent, checked before it is parsed further. */
    checkSize(bytes: number): void {
      if (bytes > d.config.bootReportMaxBytes) {
        throw tooLarge('body_too_large', `启动报告超过 ${d.config.bootReportMaxBytes} 字节上限`);
      }
    },
    submit(report: BootReport, ip: string): void {
      const wait = Math.max(perIp.hit(ip), total.hit('*'));
      if (wait > 0) throw rateLimited(wait, `启动报告过于频繁，请 ${wait} 秒后再试`);
      d.reports.insert({ ...report, receivedAt: d.clock.now(), ip }, d.config.bootReportKeep);
    },
    latest: (limit: number) => d.reports.latest(limit),
  };
}
export type BootReportService = ReturnType<typeof createBootReportService>;
