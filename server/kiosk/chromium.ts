import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ChromiumOptions {
  executable: string;
  userDataDir: string;
  /** The player page, e.g. http://192.168.1.10:8080/player/ */
  url: string;
  /** The server's origin, given a secure context on a plain-http LAN address. */
  origin: string;
  headless: boolean;
  /** 0 picks a free port (read back from DevToolsActivePort). */
  devtoolsPort: number;
  windowSize: { width: number; height: number };
  extraArgs?: string[];
}

/** Debian's and Ubuntu's names for Chromium, then Chrome's. */
export function findChromium(): string | null {
  for (const p of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ]) {
    if (existsSync(p)) return p;
  }
  return null;
}

/** The command line of a hall screen's browser. */
export function kioskArgs(o: ChromiumOptions): string[] {
  return [
    ...(o.headless ? ['--headless=new'] : ['--kiosk', '--start-fullscreen']),
    `--user-data-dir=${o.userDataDir}`,
    // DevTools only on the loopback interface: the agent is the only client.
    `--remote-debugging-port=${o.devtoolsPort}`,
    '--remote-debugging-address=127.0.0.1',
    `--unsafely-treat-insecure-origin-as-secure=${o.origin}`,
    `--window-size=${o.windowSize.width},${o.windowSize.height}`,
    '--autoplay-policy=no-user-gesture-required',
    '--noerrdialogs',
    '--disable-infobars',
    '--disable-session-crashed-bubble',
    '--disable-features=Translate,InfiniteSessionRestore',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--no-first-run',
    '--no-default-browser-check',
    '--password-store=basic',
    '--check-for-update-interval=31536000',
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    ...(o.headless ? ['--disable-gpu'] : []),
    // Chromium refuses to start as root with its sandbox (a test machine, a container).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(o.extraArgs ?? []),
    o.url,
  ];
}

/** Starts Chromium and waits for its DevTools port (written to `DevToolsActivePort` in the profile). */
export async function launchChromium(
  o: ChromiumOptions,
  timeoutMs = 30_000,
): Promise<{ proc: ChildProcess; port: number }> {
  mkdirSync(o.userDataDir, { recursive: true });
  const portFile = join(o.userDataDir, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const proc = spawn(o.executable, kioskArgs(o), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  proc.stderr?.on('data', (d) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (proc.exitCode !== null)
      throw new Error(`Chromium exited at start (${proc.exitCode}): ${stderr.slice(-500)}`);
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      if (port > 0) return { proc, port };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  killTree(proc);
  throw new Error(`Chromium did not open its DevTools port in time: ${stderr.slice(-500)}`);
}

/** Ends the browser and its helpers (they share its process group). */
export function killTree(proc: ChildProcess): void {
  if (proc.pid === undefined || proc.exitCode !== null) return;
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    proc.kill('SIGKILL');
  }
}
