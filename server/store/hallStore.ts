import type { Group, GroupInput, Hall, HallInput, OpeningHours } from '../../core/protocol/rest.js';
import type { Db } from './db.js';

interface HallRow {
  id: string;
  name: string;
  timezone: string;
  opening_hours: string;
  repair_window_text: string;
  created_at: number;
}
interface GroupRow {
  id: string;
  name: string;
  hall_id: string;
  default_playlist_id: string | null;
  old_boxes: number;
  screens: number;
}

const toHall = (r: HallRow): Hall => ({
  id: r.id,
  name: r.name,
  timezone: r.timezone,
  openingHours: JSON.parse(r.opening_hours) as OpeningHours,
  repairWindowText: r.repair_window_text,
  createdAt: r.created_at,
});
const toGroup = (r: GroupRow): Group => ({
  id: r.id,
  name: r.name,
  hallId: r.hall_id,
  defaultPlaylistId: r.default_playlist_id,
  oldBoxes: r.old_boxes === 1,
  screens: r.screens,
});

/** Halls and screen groups. */
export function createHallStore(db: Db) {
  const hall = db.prepare<[string], HallRow>('SELECT * FROM halls WHERE id = ?');
  const halls = db.prepare<[], HallRow>('SELECT * FROM halls ORDER BY created_at, name');
  const insertHall = db.prepare(
    `INSERT INTO halls (id, name, timezone, opening_hours, repair_window_text, created_at)
     VALUES (@id, @name, @timezone, @openingHours, @repairWindowText, @createdAt)`,
  );
  const updateHall = db.prepare(
    `UPDATE halls SET name = @name, timezone = @timezone, opening_hours = @openingHours,
     repair_window_text = @repairWindowText WHERE id = @id`,
  );
  const deleteHall = db.prepare('DELETE FROM halls WHERE id = ?');
  const hallUse = db.prepare<[string, string], { n: number }>(
    `SELECT (SELECT count(*) FROM screens WHERE hall_id = ? AND revoked_at IS NULL)
          + (SELECT count(*) FROM screen_groups WHERE hall_id = ?) AS n`,
  );
  const groupSql = `SELECT g.*, (SELECT count(*) FROM screens s WHERE s.group_id = g.id AND s.revoked_at IS NULL) AS screens
    FROM screen_groups g`;
  const group = db.prepare<[string], GroupRow>(`${groupSql} WHERE g.id = ?`);
  const groups = db.prepare<[], GroupRow>(`${groupSql} ORDER BY g.created_at, g.name`);
  const insertGroup = db.prepare(
    `INSERT INTO screen_groups (id, name, hall_id, default_playlist_id, old_boxes, created_at)
     VALUES (@id, @name, @hallId, @defaultPlaylistId, @oldBoxes, @createdAt)`,
  );
  const updateGroup = db.prepare(
    `UPDATE screen_groups SET name = @name, hall_id = @hallId, default_playlist_id = @defaultPlaylistId,
     old_boxes = @oldBoxes WHERE id = @id`,
  );
  const deleteGroup = db.prepare('DELETE FROM screen_groups WHERE id = ?');
  return {
    getHall: (id: string) => {
      const r = hall.get(id);
      return r ? toHall(r) : undefined;
    },
    listHalls: () => halls.all().map(toHall),
    insertHall: (id: string, h: HallInput, createdAt: number) =>
      insertHall.run({ id, ...h, openingHours: JSON.stringify(h.openingHours), createdAt }),
    updateHall: (id: string, h: HallInput) =>
      updateHall.run({ id, ...h, openingHours: JSON.stringify(h.openingHours) }),
    deleteHall: (id: string) => deleteHall.run(id),
    hallUseCount: (id: string) => hallUse.get(id, id)?.n ?? 0,
    getGroup: (id: string) => {
      const r = group.get(id);
      return r ? toGroup(r) : undefined;
    },
    listGroups: () => groups.all().map(toGroup),
    insertGroup: (id: string, g: GroupInput, createdAt: number) =>
      insertGroup.run({ id, ...g, oldBoxes: g.oldBoxes ? 1 : 0, createdAt }),
    updateGroup: (id: string, g: GroupInput) => updateGroup.run({ id, ...g, oldBoxes: g.oldBoxes ? 1 : 0 }),
    deleteGroup: (id: string) => deleteGroup.run(id),
  };
}
export type HallStore = ReturnType<typeof createHallStore>;
