import type { ImportProgress } from '../../core/protocol/events.js';
import type { Config } from '../config.js';
import type { Services } from '../services/index.js';
import { type AdminNs, sessionRoom } from './adminSessions.js';
import { Coalescer } from './coalesce.js';

/**
 * The pushes of the /admin namespace (admission is in adminSessions.ts). Screen statuses and
 * change progress are coalesced per `adminPushMs`: a publish to thousands of screens reaches the
 * dashboard as a few updates a second, not one per ack.
 */
export function attachAdmins(admins: AdminNs, s: Services, config: Config) {
  const watched = () => admins.sockets.size > 0;

  const statuses = new Coalescer(config.adminPushMs, (ids) => {
    if (!watched()) return;
    for (const id of ids) {
      const row = s.screens.row(id);
      if (row) admins.emit('screen:updated', s.dashboard.status(row));
    }
  });
  const progress = new Coalescer(
    config.adminPushMs,
    (ids) => {
      if (!watched()) return;
      for (const id of ids) {
        const p = s.convergence.progress(id);
        if (p) admins.emit('change:progress', p);
      }
    },
    20,
  );

  return {
    status: (screenId: string) => statuses.mark(screenId),
    progress: (changeIds: string[]) => {
      for (const id of changeIds) progress.mark(id);
    },
    /** An import preview's progress, to the session that uploaded (the service throttles it). */
    importProgress: (idHash: string, p: ImportProgress) => {
      admins.to(sessionRoom(idHash)).emit('import:progress', p);
    },
    close(): void {
      statuses.close();
      progress.close();
    },
  };
}
export type AdminPush = ReturnType<typeof attachAdmins>;
