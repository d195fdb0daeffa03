import { entries as api } from '../../../core/protocol/routes/credit.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Published entries: search, withdraw (by code or one), accept an anomaly, correct, objection. */
export function entryRoutes(r: RouteBuilder, c: Services['credit']): void {
  r.on(api.search, (_ctx, { query }) => c.withdrawals.search(query));
  r.on(api.withdrawByCode, (_ctx, { body, session }) => c.withdrawals.withdrawByCode(body, session.user.id));
  r.on(api.acceptAnomaly, (_ctx, { params, body, session }) =>
    c.batches.acceptAnomaly(params.id, session.user.id, body.reason),
  );
  r.on(api.withdraw, (_ctx, { params, body, session }) =>
    c.withdrawals.withdraw(params.id, body, session.user.id),
  );
  r.on(api.correct, (_ctx, { params, body, session }) =>
    c.withdrawals.correct(params.id, body, session.user.id),
  );
  r.on(api.objection, (_ctx, { params, body, session }) =>
    c.withdrawals.setObjection(params.id, body.pending, body.reason, session.user.id),
  );
}
