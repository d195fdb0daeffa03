import { PlaylistInput } from '../../../core/protocol/programs.js';
import type { ProgramService } from '../../services/programs/libraryService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Playlists of the program library. */
export function playlistRoutes(r: RouteBuilder, library: ProgramService): void {
  // The full list; registered before the users, halls and groups routes, where the short list once was.
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
}
