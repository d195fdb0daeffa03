import { batches as api } from '../../../core/protocol/routes/credit.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Batches: list, detail and entries, edit, delete, and the submit, review and publish steps. */
export function batchRoutes(r: RouteBuilder, c: Services['credit']): void {
  r.on(api.list, (_ctx, { query }) => c.batches.list(query.status));
  r.on(api.get, (_ctx, { params }) => c.batches.get(params.id));
  r.on(api.entries, (_ctx, { params, query }) => c.batches.entries(params.id, query.offset, query.limit));
  r.on(api.editEntry, (_ctx, { params, body, session }) =>
    c.batches.editEntry(params.id, params.entryId, body, session.user.id),
  );
  r.on(api.remove, (_ctx, { params, session }) => c.batches.remove(params.id, session.user.id));
  r.on(api.submit, (_ctx, { params, session }) => c.batches.submit(params.id, session.user.id));
  r.on(api.approve, (_ctx, { params, body, session }) =>
    c.batches.approve(params.id, session.user.id, body.comment),
  );
  r.on(api.reject, (_ctx, { params, body, session }) =>
    c.batches.reject(params.id, session.user.id, body.comment),
  );
  r.on(api.publish, (_ctx, { params, session }) => {
    const out = c.batches.publish(params.id, session.user.id);
    return { ...out.batch, changeId: out.changeId };
  });
}
