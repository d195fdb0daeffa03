import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { Cdp } from './cdp.js';
import { type ChromiumOptions, killTree, launchChromium } from './chromium.js';

export interface KioskOptions extends Omit<ChromiumOptions, 'url' | 'origin'> {
  /** The HallCast server, e.g. http://192.168.1.10:8080 */
  server: string;
  /** How often the page is asked to evaluate something (the hang check). */
  checkMs: number;
  /** No answer within this is a miss; two misses in a row restart the browser. */
  hangMs: number;
  log: (line: string) => void;
}

interface PageTarget {
  type: string;
  url: string;
  webSocketDebuggerUrl?: string;
}

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The hall screen's agent: keeps Chromium in kiosk mode on the player, restarts it when it
 * crashes, exits or hangs (a Runtime.evaluate heartbeat over DevTools on 127.0.0.1), brings it
 * back to the player from an error page, and takes screenshots for the `snapshot` command (the
 * page asks through a DevTools binding; see player/sync/agentBridge.ts).
 */
export class Kiosk extends EventEmitter {
  private proc: ChildProcess | null = null;
  private page: Cdp | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopping = false;
  private misses = 0;
  private restartDelay = 1000;
  private restarting = false;
  private lastNavigate = 0;
  private checking = false;
  port = 0;
  restarts = 0;
  snapshots = 0;

  constructor(private o: KioskOptions) {
    super();
  }

  get playerUrl(): string {
    return `${this.o.server.replace(/\/$/, '')}/player/`;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  async start(): Promise<void> {
    await this.launch();
    this.timer = setInterval(() => void this.check(), this.o.checkMs);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.page?.close();
    if (this.proc) killTree(this.proc);
  }

  private async launch(): Promise<void> {
    const origin = new URL(this.o.server).origin;
    const { proc, port } = await launchChromium({ ...this.o, url: this.playerUrl, origin });
    this.proc = proc;
    this.port = port;
    this.misses = 0;
    proc.once('exit', (code, signal) => {
      if (this.proc !== proc || this.stopping) return;
      this.o.log(`浏览器已退出（${code ?? signal}），重新启动`);
      void this.restart('exit');
    });
    this.page = await this.attach(port);
    this.o.log(`浏览器已启动（pid ${proc.pid}，DevTools 127.0.0.1:${port}）：${this.playerUrl}`);
    this.emit('launched', proc.pid);
  }

  /** Connects to the player's tab and sets up the binding the page calls for snapshots. */
  private async attach(port: number): Promise<Cdp> {
    const started = Date.now();
    let target: PageTarget | undefined;
    while (!target && Date.now() - started < 20_000) {
      const list = (await fetch(`http://127.0.0.1:${port}/json/list`)
        .then((r) => r.json())
        .catch(() => [])) as PageTarget[];
      target = list.find((t) => t.type === 'page' && t.webSocketDebuggerUrl);
      if (!target) await new Promise((r) => setTimeout(r, 200));
    }
    if (!target?.webSocketDebuggerUrl) throw new Error('no page in the browser');
    const page = await Cdp.connect(target.webSocketDebuggerUrl);
    page.on('Runtime.bindingCalled', (p) => {
      if (p.name === 'hallcastAgent') void this.onBinding(page, String(p.payload ?? ''));
    });
    page.on('Inspector.targetCrashed', () => {
      this.o.log('页面崩溃，重新启动浏览器');
      void this.restart('crash');
    });
    await page.send('Runtime.enable');
    await page.send('Page.enable');
    await page.send('Inspector.enable').catch(() => undefined);
    // Survives reloads and navigations of this tab.
    await page.send('Runtime.addBinding', { name: 'hallcastAgent' });
    return page;
  }

  private async onBinding(page: Cdp, payload: string): Promise<void> {
    let req: { type?: string; id?: string };
    try {
      req = JSON.parse(payload);
    } catch {
      return;
    }
    if (req.type !== 'snapshot' || typeof req.id !== 'string') return;
    let reply: { ok: boolean; mime?: string; data?: string; error?: string };
    try {
      const shot = await page.send<{ data: string }>(
        'Page.captureScreenshot',
        { format: 'jpeg', quality: 75 },
        20_000,
      );
      reply = { ok: true, mime: 'image/jpeg', data: shot.data };
      this.snapshots++;
      this.emit('snapshot', req.id);
    } catch (err) {
      reply = { ok: false, error: (err as Error).message };
    }
    const expression = `window.__hallcastAgentReply && window.__hallcastAgentReply(${JSON.stringify(req.id)}, ${JSON.stringify(reply)})`;
    await page.send('Runtime.evaluate', { expression }, 20_000).catch(() => undefined);
  }

  /** The heartbeat: the page must answer; an error page is sent back to the player. */
  private async check(): Promise<void> {
    if (this.checking || this.restarting || this.stopping || !this.page) return;
    this.checking = true;
    try {
      const r = await this.page.send<{ result: { value?: string } }>(
        'Runtime.evaluate',
        { expression: 'location.href', returnByValue: true },
        this.o.hangMs,
      );
      this.misses = 0;
      this.restartDelay = 1000;
      const href = r.result.value ?? '';
      if (!href.startsWith(this.playerUrl) && Date.now() - this.lastNavigate > 10_000) {
        this.lastNavigate = Date.now();
        this.o.log(`页面不在播放端（${href.slice(0, 80)}），重新打开`);
        await this.page.send('Page.navigate', { url: this.playerUrl }).catch(() => undefined);
      }
    } catch {
      this.misses++;
      if (this.misses >= 2) {
        this.o.log('页面无响应，重新启动浏览器');
        await this.restart('hang');
      }
    } finally {
      this.checking = false;
    }
  }

  private async restart(reason: string): Promise<void> {
    if (this.restarting || this.stopping) return;
    this.restarting = true;
    this.restarts++;
    this.emit('restart', reason);
    const old = this.proc;
    this.proc = null;
    this.page?.close();
    this.page = null;
    if (old) {
      const gone = new Promise((r) => (old.exitCode !== null ? r(null) : old.once('exit', r)));
      killTree(old);
      // The profile's lock must be free before the next browser starts on it.
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    }
    while (!this.stopping) {
      await new Promise((r) => setTimeout(r, this.restartDelay));
      this.restartDelay = Math.min(MAX_RESTART_DELAY_MS, this.restartDelay * 2);
      try {
        await this.launch();
        break;
      } catch (err) {
        this.o.log(`浏览器启动失败：${(err as Error).message}`);
      }
    }
    this.restarting = false;
  }
}
