import { GroupDefaultPlaylist } from '../../../core/protocol/programs.js';
import { GroupInput } from '../../../core/protocol/rest.js';
import type { ProgramService } from '../../services/programs/libraryService.js';
import type { HallService } from '../../services/screens/hallService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Screen groups and each group's default playlist. */
export function groupRoutes(r: RouteBuilder, halls: HallService, library: ProgramService): void {
  r.add('get', '/api/groups', 'view', undefined, () => halls.listGroups());
  r.add('post', '/api/groups', 'manage-system', GroupInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return halls.createGroup(body, session.user.id);
  });
  r.add('put', '/api/groups/:id', 'manage-system', GroupInput, (ctx, { body, session }) =>
    halls.updateGroup(ctx.params.id!, body, session.user.id),
  );
  r.add('delete', '/api/groups/:id', 'manage-system', undefined, (ctx, { session }) => {
    halls.deleteGroup(ctx.params.id!, session.user.id);
  });

  r.add(
    'put',
    '/api/groups/:id/default-playlist',
    'manage-programs',
    GroupDefaultPlaylist,
    (ctx, { body, session }) => library.setGroupDefault(ctx.params.id!, body.playlistId, session.user.id),
  );
}
