import { items as api } from '../../../core/protocol/routes/programs.js';
import type { ProgramService } from '../../services/programs/libraryService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Content items of the program library. */
export function itemRoutes(r: RouteBuilder, library: ProgramService): void {
  r.on(api.list, () => library.listItems());
  r.on(api.create, (_ctx, { body, session }) => library.createItem(body, session.user.id));
  r.on(api.update, (_ctx, { params, body, session }) => library.updateItem(params.id, body, session.user.id));
  r.on(api.remove, (_ctx, { params, session }) => library.removeItem(params.id, session.user.id));
}
