const KEY = 'hallcast.lastServerTime';

/**
 * The player's "now" (ARCHITECTURE "Clock and knobs"): device time corrected by the offset to
 * server time, and never behind the last server time seen plus monotonic time since.
 */
export class TrustedClock {
  private offset = 0;
  private anchorServer: number;
  private anchorMono: number;
  /** False after a restart without server contact when the device clock is behind the persisted time. */
  trusted: boolean;

  constructor(
    private deviceNow: () => number = () => Date.now(),
    private mono: () => number = () => performance.now(),
  ) {
    const persisted = Number(localStorage.getItem(KEY) ?? 0);
    this.anchorServer = persisted;
    this.anchorMono = this.mono();
    this.trusted = persisted === 0 || this.deviceNow() >= persisted;
  }

  /** Adopts a server time from a handshake or heartbeat reply. */
  sync(serverTime: number): void {
    this.offset = serverTime - this.deviceNow();
    this.anchorServer = serverTime;
    this.anchorMono = this.mono();
    this.trusted = true;
    localStorage.setItem(KEY, String(serverTime));
  }

  now(): number {
    const floor = this.anchorServer + (this.mono() - this.anchorMono);
    return Math.max(this.deviceNow() + this.offset, floor);
  }

  /** Persists the current time now and then so that a restart cannot go back in time. */
  persist(): void {
    localStorage.setItem(KEY, String(Math.max(this.now(), Number(localStorage.getItem(KEY) ?? 0))));
  }
}
