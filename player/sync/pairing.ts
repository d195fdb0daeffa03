import type { PairPollResult, PairRegistered } from '../../core/protocol/rest.js';
import type { DeviceState } from './device.js';
import { PLAYER_VERSION } from './version.js';

interface PairingEvents {
  onCode(pairing: PairRegistered | null, error: string | null): void;
  onPaired(token: string, screenId: string): void;
  now(): number;
}

const canvasOf = () => ({ width: Math.max(16, window.innerWidth), height: Math.max(8, window.innerHeight) });

/** Registers a pairing code and polls until an operator claims it. */
export class Pairing {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private base: string,
    private device: () => DeviceState,
    private events: PairingEvents,
  ) {}

  private async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok)
      throw Object.assign(new Error(json?.error?.message ?? res.statusText), { status: res.status });
    return json as T;
  }

  start(): void {
    clearTimeout(this.timer);
    void this.register();
  }

  private async register(): Promise<void> {
    try {
      const reg = await this.post<PairRegistered>('/api/pair/register', {
        deviceSecret: this.device().secret,
        canvas: canvasOf(),
        version: PLAYER_VERSION,
      });
      this.events.onCode(reg, null);
      this.poll(reg);
    } catch (err) {
      this.events.onCode(null, `无法连接服务器：${(err as Error).message}，稍后自动重试`);
      this.timer = setTimeout(() => void this.register(), 5000);
    }
  }

  private poll(reg: PairRegistered): void {
    this.timer = setTimeout(async () => {
      if (this.events.now() > reg.expiresAt) return void this.register();
      try {
        const r = await this.post<PairPollResult>('/api/pair/poll', {
          code: reg.code,
          deviceSecret: this.device().secret,
        });
        if (r.status === 'paired') return this.events.onPaired(r.token, r.screenId);
        this.poll(reg);
      } catch (err) {
        const status = (err as { status?: number }).status;
        if (status === 410 || status === 404) return void this.register();
        this.poll(reg);
      }
    }, 1500);
  }
}
