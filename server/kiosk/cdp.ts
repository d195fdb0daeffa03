// The agent's DevTools client is chrome-remote-interface (MIT, typed commands and events from
// devtools-protocol). What it leaves to us is a deadline: a hung renderer never answers, and the
// heartbeat has to notice that instead of waiting forever.
import CDP from 'chrome-remote-interface';

export type PageClient = CDP.Client;

/** Rejects with `what timed out after N ms` when `p` has not settled within `ms`. */
export function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** The page targets of the browser listening for DevTools on 127.0.0.1:`port`; none while it starts. */
export async function pageTargets(port: number): Promise<CDP.Target[]> {
  const list = await CDP.List({ host: '127.0.0.1', port }).catch(() => []);
  return list.filter((t) => t.type === 'page' && t.webSocketDebuggerUrl);
}

/**
 * Connects to one page by its WebSocket URL, with the bundled protocol (nothing fetched). A
 * connection that comes after the deadline is closed rather than left open.
 */
export async function connectPage(url: string, timeoutMs = 10_000): Promise<PageClient> {
  const connecting = CDP({ target: url, local: true });
  try {
    return await withDeadline(connecting, timeoutMs, 'DevTools connection');
  } catch (err) {
    connecting.then((late) => late.close()).catch(() => undefined);
    throw err;
  }
}

/** Closes without waiting for the browser to answer the close (it may be the one that hung). */
export function closePage(page: PageClient): void {
  page.close().catch(() => undefined);
}
