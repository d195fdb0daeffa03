import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  AdminEventSchemas,
  type AdminToServer,
  type ServerToAdmin,
  SessionEnded,
} from '../../core/protocol/events.js';
import { api } from './api.js';

export type AdminSocket = Socket<ServerToAdmin, AdminToServer>;
export type AdminEventHandlers = Partial<ServerToAdmin>;
/** connecting: not yet up once; live: events arrive; paused: the connection was lost (or refused), reconnecting. */
export type LiveStatus = 'connecting' | 'live' | 'paused';

let socket: AdminSocket | null = null;
let status: LiveStatus = 'connecting';
const statusListeners = new Set<() => void>();
const sessionEnded = new Set<(ended: SessionEnded) => void>();
/**
 * Headers of the handshake. A browser sends the session cookie itself; a client that is no
 * browser (the component tests, in Node) has to present it, as admin/lib/realServer.ts does for fetch.
 */
let handshakeHeaders: Record<string, string> = {};

function setStatus(next: LiveStatus): void {
  if (status === next) return;
  status = next;
  for (const fn of statusListeners) fn();
}

/** One shared connection to /admin; the session cookie authenticates it. */
export function getAdminSocket(): AdminSocket {
  if (socket) return socket;
  socket = io(`${api.baseUrl}/admin`, {
    transports: ['websocket'],
    withCredentials: true,
    extraHeaders: handshakeHeaders,
  });
  socket.on('session:ended', (payload: unknown) => {
    const r = SessionEnded.safeParse(payload);
    if (r.success) for (const fn of sessionEnded) fn(r.data);
  });
  socket.on('connect', () => setStatus('live'));
  socket.on('disconnect', () => setStatus('paused'));
  socket.on('connect_error', () => setStatus('paused'));
  return socket;
}

/** For a client that is no browser: the headers (the session cookie) its next connection presents. */
export function setAdminSocketHeaders(headers: Record<string, string>): void {
  handshakeHeaders = headers;
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
  setStatus('connecting');
}

/** Every /admin payload is parsed with its schema from core; anything else is dropped. */
export function parseAdminEvent(
  event: string,
  payload: unknown,
): { ok: true; data: unknown } | { ok: false } {
  const schema = AdminEventSchemas[event as keyof typeof AdminEventSchemas];
  if (!schema) return { ok: false };
  const r = schema.safeParse(payload);
  return r.success ? { ok: true, data: r.data } : { ok: false };
}

/**
 * Calls the given handlers for /admin events while the component is mounted and returns
 * whether the socket is connected. onConnect runs on every (re)connect. Data the events update
 * is better read with `liveQuery` (admin/dashboard/liveCache.ts), which writes them into the
 * query cache; this is for side effects (notifications, an upload's progress).
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
      const r = parseAdminEvent(event, payload);
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

/** The connection's status, for the notice that the live view is paused. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribeStatus, () => status);
}

function subscribeStatus(fn: () => void): () => void {
  getAdminSocket();
  statusListeners.add(fn);
  return () => statusListeners.delete(fn);
}
