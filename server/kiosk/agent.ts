import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { closePage, connectPage, type PageClient, pageTargets, withDeadline } from './cdp.js';
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

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The hall screen's agent: keeps Chromium in kiosk mode on the player, restarts it when it
 * crashes, exits or hangs (a Runtime.evaluate heartbeat over DevTools on 127.0.0.1), brings it
 * back to the player from an error page, and takes screenshots for the `snapshot` command (the
 * page asks through a DevTools binding; see player/sync/agentBridge.ts).
 */
export class Kiosk extends EventEmitter {
  private proc: ChildProcess | null = null;
  private page: PageClient | null = null;
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
    if (this.page) closePage(this.page);
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
  private async attach(port: number): Promise<PageClient> {
    const started = Date.now();
    let url: string | undefined;
    while (!url && Date.now() - started < 20_000) {
      url = (await pageTargets(port))[0]?.webSocketDebuggerUrl;
      if (!url) await new Promise((r) => setTimeout(r, 200));
    }
    if (!url) throw new Error('no page in the browser');
    const page = await connectPage(url);
    page.on('Runtime.bindingCalled', (p) => {
      if (p.name === 'hallcastAgent') void this.onBinding(page, p.payload);
    });
    page.on('Inspector.targetCrashed', () => {
      this.o.log('页面崩溃，重新启动浏览器');
      void this.restart('crash');
    });
    const step = <T>(p: Promise<T>, what: string) => withDeadline(p, 10_000, what);
    await step(page.Runtime.enable(), 'Runtime.enable');
    await step(page.Page.enable(), 'Page.enable');
    await step(page.Inspector.enable(), 'Inspector.enable').catch(() => undefined);
    // Survives reloads and navigations of this tab.
    await step(page.Runtime.addBinding({ name: 'hallcastAgent' }), 'Runtime.addBinding');
    return page;
  }

  private async onBinding(page: PageClient, payload: string): Promise<void> {
    let req: { type?: string; id?: string };
    try {
      req = JSON.parse(payload);
    } catch {
      return;
    }
    if (req.type !== 'snapshot' || typeof req.id !== 'string') return;
    let reply: { ok: boolean; mime?: string; data?: string; error?: string };
    try {
      const shot = await withDeadline(
        page.Page.captureScreenshot({ format: 'jpeg', quality: 75 }),
        20_000,
        'Page.captureScreenshot',
      );
      reply = { ok: true, mime: 'image/jpeg', data: shot.data };
      this.snapshots++;
      this.emit('snapshot', req.id);
    } catch (err) {
      reply = { ok: false, error: (err as Error).message };
    }
    const expression = `window.__hallcastAgentReply && window.__hallcastAgentReply(${JSON.stringify(req.id)}, ${JSON.stringify(reply)})`;
    await withDeadline(page.Runtime.evaluate({ expression }), 20_000, 'Runtime.evaluate').catch(
      () => undefined,
    );
  }

  /** The heartbeat: the page must answer; an error page is sent back to the player. */
  private async check(): Promise<void> {
    if (this.checking || this.restarting || this.stopping || !this.page) return;
    this.checking = true;
    try {
      const r = await withDeadline(
        this.page.Runtime.evaluate({ expression: 'location.href', returnByValue: true }),
        this.o.hangMs,
        'Runtime.evaluate',
      );
      this.misses = 0;
      this.restartDelay = 1000;
      const href = typeof r.result.value === 'string' ? r.result.value : '';
      if (!href.startsWith(this.playerUrl) && Date.now() - this.lastNavigate > 10_000) {
        this.lastNavigate = Date.now();
        this.o.log(`页面不在播放端（${href.slice(0, 80)}），重新打开`);
        await withDeadline(this.page.Page.navigate({ url: this.playerUrl }), 10_000, 'Page.navigate').catch(
          () => undefined,
        );
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
    if (this.page) closePage(this.page);
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
