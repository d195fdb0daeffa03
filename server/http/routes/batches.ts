import { EntryEdit, RejectRequest, ReviewComment } from '../../../core/protocol/credit.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';
import { id, Page, q } from './query.js';

/** Batches: list, detail and entries, edit, delete, and the submit, review and publish steps. */
export function batchRoutes(r: RouteBuilder, c: Services['credit']): void {
  r.add('get', '/api/batches', 'view', undefined, (ctx) => c.batches.list(q(ctx).status ?? ''));
  r.add('get', '/api/batches/:id', 'view', undefined, (ctx) => c.batches.get(id(ctx)));
  r.add('get', '/api/batches/:id/entries', 'view', undefined, (ctx) => {
    const p = Page.parse(ctx.query);
    return c.batches.entries(id(ctx), p.offset, p.limit);
  });
  r.add('patch', '/api/batches/:id/entries/:entryId', 'edit-lists', EntryEdit, (ctx, { body, session }) =>
    c.batches.editEntry(id(ctx), id(ctx, 'entryId'), body, session.user.id),
  );
  r.add('delete', '/api/batches/:id', 'edit-lists', undefined, (ctx, { session }) => {
    c.batches.remove(id(ctx), session.user.id);
  });
  r.add('post', '/api/batches/:id/submit', 'edit-lists', undefined, (ctx, { session }) =>
    c.batches.submit(id(ctx), session.user.id),
  );
  r.add('post', '/api/batches/:id/approve', 'review', ReviewComment, (ctx, { body, session }) =>
    c.batches.approve(id(ctx), session.user.id, body.comment),
  );
  r.add('post', '/api/batches/:id/reject', 'review', RejectRequest, (ctx, { body, session }) =>
    c.batches.reject(id(ctx), session.user.id, body.comment),
  );
  r.add('post', '/api/batches/:id/publish', 'review', undefined, (ctx, { session }) => {
    const out = c.batches.publish(id(ctx), session.user.id);
    return { ...out.batch, changeId: out.changeId };
  });
}
