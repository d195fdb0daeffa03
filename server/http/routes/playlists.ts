import { GroupDefaultPlaylist, ItemInput, PlaylistInput } from '../../../core/protocol/programs.js';
import type { ProgramService } from '../../services/programs/libraryService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Content items, playlists and group default playlists. */
export function programRoutes(r: RouteBuilder, library: ProgramService): void {
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

  // Registered before the admin routes' short list, which this answer extends.
  r.add('get', '/api/playlists', 'view', undefined, () => library.listPlaylists());
  r.add('get', '/api/playlists/:id', 'view', undefined, (ctx) => library.getPlaylist(ctx.params.id!));
  r.add('post', '/api/playlists', 'manage-programs', PlaylistInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return library.createPlaylist(body, session.user.id);
  });
  r.add('put', '/api/playlists/:id', 'manage-programs', PlaylistInput, (ctx, { body, session }) =>
    library.updatePlaylist(ctx.params.id!, body, session.user.id),
  );
  r.add('delete', '/api/playlists/:id', 'manage-programs', undefined, (ctx, { session }) => {
    library.removePlaylist(ctx.params.id!, session.user.id);
  });

  r.add(
    'put',
    '/api/groups/:id/default-playlist',
    'manage-programs',
    GroupDefaultPlaylist,
    (ctx, { body, session }) => library.setGroupDefault(ctx.params.id!, body.playlistId, session.user.id),
  );
}
