import { platform as api } from '../../../core/protocol/routes/credit.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The credit platform's push: withdrawals by code, authorised by an API key. */
export function platformRoutes(r: RouteBuilder, s: Pick<Services, 'credit'>): void {
  const p = s.credit.platform;
  r.on(api.withdrawals, (ctx, { body }) => {
    const key = p.checkApiKey(ctx.get('authorization'), 'withdraw');
    return s.credit.withdrawals.withdrawByCode(body, `apikey:${key.name}`);
  });
}
