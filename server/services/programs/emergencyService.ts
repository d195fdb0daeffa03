import { randomUUID } from 'node:crypto';
import type { Emergency, EmergencyInput, EmergencyList } from '../../../core/protocol/programs.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { ChangeStore } from '../../store/changeStore.js';
import type { Db } from '../../store/db.js';
import type { EmergencyRecord, ProgramStore } from '../../store/programStore.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { ChangeService } from '../delivery/changeService.js';
import type { Presence } from '../screens/presence.js';
import type { AuditService } from '../shared/auditService.js';
import { type TargetService, targetsScreen } from '../shared/targets.js';

type Deps = {
  db: Db;
  programs: ProgramStore;
  screens: ScreenStore;
  changeStore: ChangeStore;
  targets: TargetService;
  presence: Presence;
  audit: AuditService;
  changes: ChangeService;
  clock: Clock;
  config: Pick<Config, 'emergencyDefaultMs' | 'emergencyMaxMs'>;
};

const WEEK = 7 * 86_400_000;
const hours = (ms: number) => `${Math.round((ms / 3_600_000) * 10) / 10} 小时`;

/**
 * Emergency notices: one click, newest active wins on a screen, expire by themselves, can be
 * reverted. Creation and revert are changes, so every targeted screen's confirmation is tracked.
 */
export function createEmergencyService(d: Deps) {
  const { db, programs, screens, targets, audit, changes, clock, config } = d;
  const mustGet = (id: string) => {
    const r = programs.getEmergency(id);
    if (!r) throw notFound('紧急通知');
    return r;
  };
  const isActive = (r: EmergencyRecord, now: number) => r.revertedAt === null && r.expiresAt > now;

  function view(r: EmergencyRecord, active: EmergencyRecord[], now: number): Emergency {
    const rows = r.changeId ? d.changeStore.screens(r.changeId) : [];
    return {
      id: r.id,
      title: r.title,
      body: r.body,
      targets: r.targets,
      startsAt: r.startsAt,
      expiresAt: r.expiresAt,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      revertedBy: r.revertedBy,
      revertedAt: r.revertedAt,
      active: isActive(r, now),
      changeId: r.changeId,
      screens: rows.map((row) => {
        const s = screens.get(row.screenId);
        const newest = s ? active.find((e) => targetsScreen(e.targets, s)) : undefined;
        return {
          screenId: row.screenId,
          name: s?.name ?? row.screenId,
          online: d.presence.isOnline(row.screenId),
          receivedAt: row.receivedAt,
          renderedAt: row.renderedAt,
          showing: newest?.id === r.id,
        };
      }),
    };
  }

  return {
    /** Active notices and those of the last week, newest first. */
    list(): EmergencyList {
      const now = clock.now();
      const active = programs.activeEmergencies(now);
      return {
        emergencies: programs.recentEmergencies(now, now - WEEK).map((r) => view(r, active, now)),
        defaultMs: config.emergencyDefaultMs,
        maxMs: config.emergencyMaxMs,
      };
    },
    create(input: EmergencyInput, actor: string): Emergency {
      targets.check(input.targets);
      const duration = input.durationMs ?? config.emergencyDefaultMs;
      if (duration > config.emergencyMaxMs)
        throw badRequest(
          'duration_too_long',
          `紧急通知最长显示 ${hours(config.emergencyMaxMs)}，请缩短时长；需要更久请到期后重新发布`,
        );
      const screenIds = targets.screenIds(input.targets);
      const now = clock.now();
      const id = randomUUID();
      const change = db.transaction(() => {
        programs.insertEmergency({
          id,
          title: input.title,
          body: input.body,
          targets: input.targets,
          startsAt: now,
          expiresAt: now + duration,
          createdBy: actor,
          createdAt: now,
        });
        const c = changes.record('emergency', `紧急通知「${input.title}」`, actor, screenIds);
        programs.setEmergencyChange(id, c.changeId);
        audit.record({
          actor,
          action: 'emergency.create',
          target: id,
          summary: { title: input.title, screens: screenIds.length, expiresAt: now + duration },
        });
        return c;
      })();
      changes.publish(change);
      return view(mustGet(id), programs.activeEmergencies(now), now);
    },
    /** Takes a notice off its screens before it expires. */
    revert(id: string, actor: string): Emergency {
      const r = mustGet(id);
      const now = clock.now();
      if (r.revertedAt !== null) throw conflict('already_reverted', '该紧急通知已撤销');
      if (r.expiresAt <= now) throw conflict('expired', '该紧急通知已到期，屏幕上已不再显示');
      const change = db.transaction(() => {
        const c = changes.record(
          'emergency',
          `撤销紧急通知「${r.title}」`,
          actor,
          targets.screenIds(r.targets),
        );
        programs.revertEmergency(id, actor, now, c.changeId);
        audit.record({ actor, action: 'emergency.revert', target: id, summary: { title: r.title } });
        return c;
      })();
      changes.publish(change);
      return view(mustGet(id), programs.activeEmergencies(now), now);
    },
  };
}
export type EmergencyService = ReturnType<typeof createEmergencyService>;
