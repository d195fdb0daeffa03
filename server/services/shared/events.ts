import type { ImportProgress, SessionEndReason } from '../../../core/protocol/events.js';

/** What services raise after their transaction commits; realtime and jobs listen. */
export type DomainEvent =
  | { type: 'screens:changed'; changeId: string; screenIds: string[] }
  | { type: 'screen:revoked'; screenId: string }
  | { type: 'screen:updated'; screenId: string }
  | { type: 'change:progress'; changeId: string }
  /** Live admin sockets of one session (idHash) or of every session of the user must go. */
  | {
      type: 'session:ended';
      reason: SessionEndReason;
      userId: string;
      /** Only this session's sockets; without it, every session of the user. */
      idHash?: string;
      /** Every session of the user but this one (a password change keeps the session that made it). */
      exceptIdHash?: string;
    }
  /** How far an import preview is, for the sockets of the session that uploaded the file only. */
  | { type: 'import:progress'; idHash: string; progress: ImportProgress };

export type Listener = (event: DomainEvent) => void;

/** A tiny synchronous event bus, one per server instance (no module-level singleton). */
export class EventBus {
  private listeners: Listener[] = [];
  on(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
  emit(event: DomainEvent): void {
    for (const l of this.listeners) l(event);
  }
}
