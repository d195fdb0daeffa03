import type { Targets } from '../../../core/protocol/programs.js';
import { badRequest } from '../../errors.js';
import type { HallStore } from '../../store/hallStore.js';
import type { Screen, ScreenStore } from '../../store/screenStore.js';

/** Whether a screen is one of the targets: all, or its hall, its group, or itself. */
export function targetsScreen(t: Targets, s: Pick<Screen, 'id' | 'hallId' | 'groupId'>): boolean {
  return (
    t.all ||
    t.screenIds.includes(s.id) ||
    t.hallIds.includes(s.hallId) ||
    (s.groupId !== null && t.groupIds.includes(s.groupId))
  );
}

/** Resolves and checks targets against what exists now. */
export function createTargets(halls: HallStore, screens: ScreenStore) {
  return {
    /** The active screens a set of targets reaches. */
    screenIds(t: Targets): string[] {
      return screens
        .list()
        .filter((s) => targetsScreen(t, s))
        .map((s) => s.id);
    },
    /**
     * The screen groups a set of targets plays in: those named, and those of every screen it
     * reaches (a hall's, one screen's), for the rules a group sets (old boxes).
     */
    groups(t: Targets) {
      const ids = new Set(t.groupIds);
      for (const s of screens.list()) if (s.groupId !== null && targetsScreen(t, s)) ids.add(s.groupId);
      return [...ids].flatMap((id) => halls.getGroup(id) ?? []);
    },
    /** 400 naming every hall, group or screen that no longer exists (or was revoked). */
    check(t: Targets): void {
      const missing = [
        ...t.hallIds.filter((id) => !halls.getHall(id)).map((id) => `大厅 ${id}`),
        ...t.groupIds.filter((id) => !halls.getGroup(id)).map((id) => `分组 ${id}`),
        ...t.screenIds
          .filter((id) => {
            const s = screens.get(id);
            return !s || s.revokedAt !== null;
          })
          .map((id) => `屏幕 ${id}`),
      ];
      if (missing.length === 0) return;
      throw badRequest(
        'targets_missing',
        `投放范围中有已不存在的对象：${missing.join('、')}；请刷新页面后重新选择`,
      );
    },
  };
}
export type TargetService = ReturnType<typeof createTargets>;
