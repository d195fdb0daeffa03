import { ItemInput } from '../../../core/protocol/programs.js';
import type { ProgramService } from '../../services/programs/libraryService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Content items of the program library. */
export function itemRoutes(r: RouteBuilder, library: ProgramService): void {
  r.add('get', '/api/items', 'view', undefined, () => library.listItems());
  r.add('post', '/api/items', 'manage-programs', ItemInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return library.createItem(body, session.user.id);
  });
  r.add('put', '/api/items/:id', 'manage-programs', ItemInput, (ctx, { body, session }) =>
    library.updateItem(ctx.params.id!, body, session.user.id),
  );
  r.add('delete', '/api/items/:id', 'manage-programs', undefined, (ctx, { session }) => {
    library.removeItem(ctx.params.id!, session.user.id);
  });
}
