import { groups as api } from '../../../core/protocol/routes/halls.js';
import type { ProgramService } from '../../services/programs/libraryService.js';
import type { HallService } from '../../services/screens/hallService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Screen groups and each group's default playlist. */
export function groupRoutes(r: RouteBuilder, halls: HallService, library: ProgramService): void {
  r.on(api.list, () => halls.listGroups());
  r.on(api.create, (_ctx, { body, session }) => halls.createGroup(body, session.user.id));
  r.on(api.update, (_ctx, { params, body, session }) => halls.updateGroup(params.id, body, session.user.id));
  r.on(api.remove, (_ctx, { params, session }) => halls.deleteGroup(params.id, session.user.id));
  r.on(api.setDefaultPlaylist, (_ctx, { params, body, session }) =>
    library.setGroupDefault(params.id, body.playlistId, session.user.id),
  );
}
