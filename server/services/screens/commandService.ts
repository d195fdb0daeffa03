import { randomUUID } from 'node:crypto';
import type { Ack, Command, CommandRequest, CommandResult } from '../../../core/protocol/events.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { notFound, unavailable } from '../../errors.js';
import type { CommandRecord, CommandStore } from '../../store/commandStore.js';
import type { Db } from '../../store/db.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { AuditService } from '../shared/auditService.js';
import type { Presence } from './presence.js';

/** How a command reaches a screen's sockets; realtime implements it (services never import socket.io). */
export interface CommandTransport {
  /** Emits to every socket of the screen; resolves with their acks, or what arrived before the timeout. */
  send(
    screenId: string,
    command: Command,
    timeoutMs: number,
  ): Promise<{ timedOut: boolean; replies: unknown[] }>;
}

type Deps = {
  db: Db;
  commands: CommandStore;
  screens: ScreenStore;
  presence: Presence;
  audit: AuditService;
  clock: Clock;
  config: Pick<Config, 'commandTimeoutMs'>;
};

const isAck = (r: unknown): r is Ack<unknown> =>
  typeof r === 'object' && r !== null && typeof (r as { ok?: unknown }).ok === 'boolean';

function toResult(r: CommandRecord): CommandResult {
  const result = r.result ? (JSON.parse(r.result) as { data?: unknown; error?: CommandResult['error'] }) : {};
  return {
    id: r.id,
    screenId: r.screenId,
    kind: r.kind as CommandResult['kind'],
    status: r.status === 'sent' ? 'timeout' : r.status,
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.error ? { error: result.error } : {}),
    actor: r.actor,
    sentAt: r.sentAt,
    answeredAt: r.answeredAt,
  };
}

/** Remote commands (reload, resync, clear-cache, identify, info, snapshot): sent, acked or timed out, logged. */
export function createCommandService(d: Deps) {
  let transport: CommandTransport | null = null;
  const listeners = new Set<(r: CommandResult) => void>();

  function settle(id: string, timedOut: boolean, replies: unknown[]): CommandResult {
    const acks = replies.filter(isAck);
    const ok = acks.find((a) => a.ok);
    const failed = acks.find((a) => !a.ok);
    const now = d.clock.now();
    if (ok?.ok) d.commands.finish(id, 'ok', JSON.stringify({ data: ok.data ?? null }), now);
    else if (failed && !failed.ok)
      d.commands.finish(id, 'error', JSON.stringify({ error: failed.error }), now);
    else if (timedOut || replies.length > 0)
      d.commands.finish(
        id,
        'timeout',
        JSON.stringify({ error: { code: 'timeout', message: '屏幕未在规定时间内应答' } }),
        null,
      );
    else
      d.commands.finish(
        id,
        'offline',
        JSON.stringify({ error: { code: 'offline', message: '屏幕当前不在线' } }),
        null,
      );
    return toResult(d.commands.get(id)!);
  }

  return {
    attach(t: CommandTransport): void {
      transport = t;
    },
    subscribe(listener: (r: CommandResult) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Sends a command and waits for the screen's answer (or the timeout). */
    async run(screenId: string, req: CommandRequest, actor: string): Promise<CommandResult> {
      const screen = d.screens.get(screenId);
      if (!screen || screen.revokedAt !== null) throw notFound('屏幕');
      if (!transport) throw unavailable('realtime_unavailable', '实时通道尚未就绪，请稍后重试');
      const id = randomUUID();
      const sentAt = d.clock.now();
      d.db.transaction(() => {
        d.commands.insert({
          id,
          screenId,
          kind: req.kind,
          args: req.args ? JSON.stringify(req.args) : null,
          actor,
          sentAt,
        });
        d.audit.record({
          actor,
          action: 'screen.command',
          target: screenId,
          summary: { kind: req.kind, name: screen.name },
        });
      })();
      const command: Command = { id, kind: req.kind, ...(req.args ? { args: req.args } : {}) };
      const outcome = d.presence.isOnline(screenId)
        ? await transport.send(screenId, command, d.config.commandTimeoutMs)
        : { timedOut: false, replies: [] };
      const result = settle(id, outcome.timedOut, outcome.replies);
      for (const l of listeners) l(result);
      return result;
    },
    recent(screenId: string, limit: number): CommandResult[] {
      return d.commands.forScreen(screenId, limit).map(toResult);
    },
    purge: (before: number) => d.commands.purgeBefore(before),
  };
}
export type CommandService = ReturnType<typeof createCommandService>;
