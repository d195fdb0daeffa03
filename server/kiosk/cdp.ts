import WebSocket from 'ws';

type Handler = (params: Record<string, unknown>) => void;

/** A minimal Chrome DevTools Protocol client over one WebSocket (a page or the browser). */
export class Cdp {
  private seq = 0;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private handlers = new Map<string, Handler[]>();
  private closeHandlers: Array<() => void> = [];

  private constructor(private ws: WebSocket) {
    ws.on('message', (data) => this.onMessage(String(data)));
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('DevTools connection closed'));
      this.pending.clear();
      for (const fn of this.closeHandlers) fn();
    });
    ws.on('error', () => undefined);
  }

  static connect(url: string, timeoutMs = 10_000): Promise<Cdp> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('DevTools connection timed out'));
      }, timeoutMs);
      ws.once('open', () => {
        clearTimeout(timer);
        resolve(new Cdp(ws));
      });
      ws.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  private onMessage(text: string): void {
    let msg: {
      id?: number;
      method?: string;
      params?: Record<string, unknown>;
      result?: unknown;
      error?: { message: string };
    };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    } else if (msg.method) {
      for (const fn of this.handlers.get(msg.method) ?? []) fn(msg.params ?? {});
    }
  }

  /** Sends a command; rejects when no answer comes within `timeoutMs` (a hung renderer). */
  send<T = unknown>(method: string, params: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      if (this.ws.readyState !== WebSocket.OPEN) {
        this.pending.get(id)?.reject(new Error('DevTools connection is not open'));
        this.pending.delete(id);
        return;
      }
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  on(method: string, fn: Handler): void {
    this.handlers.set(method, [...(this.handlers.get(method) ?? []), fn]);
  }

  onClose(fn: () => void): void {
    this.closeHandlers.push(fn);
  }

  close(): void {
    this.ws.terminate();
  }
}
