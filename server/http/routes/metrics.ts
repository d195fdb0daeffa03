import { timingSafeEqual } from 'node:crypto';
import { metrics as api } from '../../../core/protocol/routes/operations.js';
import type { Config } from '../../config.js';
import { notSignedIn } from '../../errors.js';
import type { Metrics } from '../../services/operations/metrics.js';
import type { RouteBuilder } from '../routeBuilder.js';

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** /metrics for Prometheus: the token, or a request from an allowed address; otherwise 401 and no figures. */
export function metricsRoutes(
  r: RouteBuilder,
  metrics: Metrics,
  config: Pick<Config, 'metricsToken' | 'metricsAllow'>,
): void {
  const allowed = new Set(
    config.metricsAllow
      .split(/[\s,]+/)
      .map((ip) => ip.trim())
      .filter(Boolean),
  );
  r.on(api.get, async (ctx) => {
    const header = ctx.get('authorization');
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const byToken =
      config.metricsToken !== undefined && token !== '' && sameSecret(token, config.metricsToken);
    const byAddress = allowed.has(ctx.ip) || allowed.has(ctx.ip.replace(/^::ffff:/, ''));
    if (!byToken && !byAddress)
      throw notSignedIn(
        'unauthenticated',
        config.metricsToken
          ? '读取运行指标须带 Authorization: Bearer <HALLCAST_METRICS_TOKEN>'
          : '运行指标未开放：请设置 HALLCAST_METRICS_TOKEN，或把监控服务器的地址写入 HALLCAST_METRICS_ALLOW',
      );
    ctx.type = metrics.contentType;
    ctx.set('Cache-Control', 'no-store');
    return metrics.text();
  });
}
