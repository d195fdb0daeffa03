import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  AdminEventSchemas,
  type AdminToServer,
  type ServerToAdmin,
  SessionEnded,
} from '../../core/protocol/events.js';

export type AdminSocket = Socket<ServerToAdmin, AdminToServer>;
export type AdminEventHandlers = Partial<ServerToAdmin>;

let socket: AdminSocket | null = null;
const sessionEnded = new Set<(ended: SessionEnded) => void>();

/** One shared connection to /admin; the session cookie authenticates it. */
export function getAdminSocket(): AdminSocket {
  if (socket) return socket;
  socket = io('/admin', { transports: ['websocket'], withCredentials: true });
  socket.on('session:ended', (payload: unknown) => {
    const r = SessionEnded.safeParse(payload);
    if (r.success) for (const fn of sessionEnded) fn(r.data);
  });
  return socket;
}

/** Called when the server ends the connection's session (it disconnects right after); returns an unsubscribe. */
export function onSessionEnded(fn: (ended: SessionEnded) => void): () => void {
  sessionEnded.add(fn);
  return () => sessionEnded.delete(fn);
}

/** Closes the connection (logout, expired session); the next use opens a new one. */
export function disconnectAdminSocket(): void {
  socket?.disconnect();
  socket = null;
}

/** Every /admin payload is parsed with its schema from core; anything else is dropped. */
function parsed(event: string, payload: unknown): { ok: true; data: unknown } | { ok: false } {
  const schema = AdminEventSchemas[event as keyof typeof AdminEventSchemas];
  if (!schema) return { ok: false };
  const r = schema.safeParse(payload);
  return r.success ? { ok: true, data: r.data } : { ok: false };
}

/**
 * Calls the given handlers for /admin events while the component is mounted and returns
 * whether the socket is connected. onConnect runs on every (re)connect, so a page can reload
 * what it may have missed while disconnected.
 */
export function useAdminEvents(handlers: AdminEventHandlers, onConnect?: () => void): boolean {
  const handlersRef = useRef(handlers);
  const connectRef = useRef(onConnect);
  useEffect(() => {
    handlersRef.current = handlers;
    connectRef.current = onConnect;
  });
  const [connected, setConnected] = useState(() => getAdminSocket().connected);

  useEffect(() => {
    const s = getAdminSocket();
    const onAny = (event: string, payload: unknown) => {
      const handler = handlersRef.current[event as keyof ServerToAdmin] as ((p: unknown) => void) | undefined;
      if (!handler) return;
      const r = parsed(event, payload);
      if (r.ok) handler(r.data);
    };
    const up = () => {
      setConnected(true);
      connectRef.current?.();
    };
    const down = () => setConnected(false);
    s.onAny(onAny);
    s.on('connect', up);
    s.on('disconnect', down);
    s.on('connect_error', down);
    setConnected(s.connected);
    return () => {
      s.offAny(onAny);
      s.off('connect', up);
      s.off('disconnect', down);
      s.off('connect_error', down);
    };
  }, []);

  return connected;
}
