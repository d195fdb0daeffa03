import {
  AcceptAnomaly,
  CorrectRequest,
  ObjectionRequest,
  WithdrawByCode,
  WithdrawRequest,
} from '../../../core/protocol/credit.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';
import { id, Page, q } from './query.js';

/** Published entries: search, withdraw (by code or one), accept an anomaly, correct, objection. */
export function entryRoutes(r: RouteBuilder, c: Services['credit']): void {
  r.add('get', '/api/entries', 'view', undefined, (ctx) => {
    const p = Page.parse(ctx.query);
    return c.withdrawals.search({
      q: q(ctx).q ?? '',
      status: q(ctx).status ?? '',
      listType: q(ctx).listType ?? '',
      ...p,
    });
  });
  r.add(
    'post',
    '/api/entries/withdraw-by-code',
    'withdraw-entries',
    WithdrawByCode,
    (_ctx, { body, session }) => c.withdrawals.withdrawByCode(body, session.user.id),
  );
  r.add('post', '/api/entries/:id/accept-anomaly', 'review', AcceptAnomaly, (ctx, { body, session }) =>
    c.batches.acceptAnomaly(id(ctx), session.user.id, body.reason),
  );
  r.add('post', '/api/entries/:id/withdraw', 'withdraw-entries', WithdrawRequest, (ctx, { body, session }) =>
    c.withdrawals.withdraw(id(ctx), body, session.user.id),
  );
  r.add('post', '/api/entries/:id/correct', 'edit-lists', CorrectRequest, (ctx, { body, session }) => {
    ctx.status = 201;
    return c.withdrawals.correct(id(ctx), body, session.user.id);
  });
  r.add('post', '/api/entries/:id/objection', 'set-objection', ObjectionRequest, (ctx, { body, session }) =>
    c.withdrawals.setObjection(id(ctx), body.pending, body.reason, session.user.id),
  );
}
