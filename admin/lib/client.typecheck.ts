// Calls that must not compile: `npm run check` (tsc) fails the day one of them does, because
// each `@ts-expect-error` then has no error to expect. Never run, only type-checked.
import { api as routes } from '../../core/protocol/routes/index.js';
import { call, routeQuery } from './client.js';

export function wrongCalls(): void {
  // @ts-expect-error a route that is not in the table
  void call(routes.halls.rename);
  // @ts-expect-error a path where a route belongs
  void call('/api/halls');
  // @ts-expect-error update needs its :id param
  void call(routes.halls.update, {
    body: { name: 'x', timezone: 'Asia/Shanghai', openingHours: [], repairWindowText: '' },
  });
  // @ts-expect-error a param the path does not have
  void call(routes.halls.remove, { params: { hallId: 'h1' } });
  // @ts-expect-error create needs its body
  void call(routes.halls.create);
  // @ts-expect-error a body field of the wrong type
  void call(routes.batches.reject, { params: { id: 'b1' }, body: { comment: 42 } });
  // @ts-expect-error a query value outside the schema
  void call(routes.alerts.list, { query: { status: 'closed' } });
  // @ts-expect-error an answer read as what it is not
  void call(routes.halls.list).then((halls) => halls.total);
  // @ts-expect-error a write is no query
  void routeQuery(routes.halls.create, {
    body: { name: 'x', timezone: 'Asia/Shanghai', openingHours: [], repairWindowText: '' },
  });
}
