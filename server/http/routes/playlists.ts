import { playlists as api } from '../../../core/protocol/routes/programs.js';
import type { ProgramService } from '../../services/programs/libraryService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Playlists of the program library. */
export function playlistRoutes(r: RouteBuilder, library: ProgramService): void {
  r.on(api.list, () => library.listPlaylists());
  r.on(api.get, (_ctx, { params }) => library.getPlaylist(params.id));
  r.on(api.create, (_ctx, { body, session }) => library.createPlaylist(body, session.user.id));
  r.on(api.update, (_ctx, { params, body, session }) =>
    library.updatePlaylist(params.id, body, session.user.id),
  );
  r.on(api.remove, (_ctx, { params, session }) => library.removePlaylist(params.id, session.user.id));
}
