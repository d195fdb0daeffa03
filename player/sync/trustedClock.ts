const KEY = 'hallcast.lastServerTime';

function readPersisted(): number {
  try {
    const n = Number(localStorage.getItem(KEY) ?? 0);
    return Number.isFinite(n) ? n : 0;
  } catch {
    return 0;
  }
}

function writePersisted(t: number): void {
  try {
    localStorage.setItem(KEY, String(t));
  } catch {
    // Storage full or disabled: the in-memory floor still holds until the next restart.
  }
}

/**
 * The player's "now" (ARCHITECTURE "Clock and knobs"): device time corrected by the offset to
 * server time, and never behind the last server time seen plus monotonic time since, nor behind
 * any time it returned before. The time is persisted every few seconds, so a restart cannot go
 * back before it either; only the server's answer (sync) may set it back.
 */
export class TrustedClock {
  private offset = 0;
  private anchorServer: number;
  private anchorMono: number;
  /** False after a restart without server contact when the device clock is behind the persisted time. */
  trusted: boolean;
  /** When the server last answered (trusted time), 0 before that. */
  lastSyncAt = 0;

  constructor(
    private deviceNow: () => number = () => Date.now(),
    private mono: () => number = () => performance.now(),
  ) {
    const persisted = readPersisted();
    this.anchorServer = persisted;
    this.anchorMono = this.mono();
    this.trusted = persisted === 0 || this.deviceNow() >= persisted;
  }

  /** Adopts a server time from a handshake, heartbeat reply or manifest. */
  sync(serverTime: number): void {
    this.offset = serverTime - this.deviceNow();
    this.anchorServer = serverTime;
    this.anchorMono = this.mono();
    this.trusted = true;
    this.lastSyncAt = serverTime;
    writePersisted(serverTime);
  }

  /**
   * Never goes back: the floor follows the last server time plus monotonic time, and ratchets
   * up to any later time this clock has returned (a device clock set back later cannot undo it).
   */
  now(): number {
    const mono = this.mono();
    const floor = this.anchorServer + (mono - this.anchorMono);
    const device = this.deviceNow() + this.offset;
    if (device > floor) {
      this.anchorServer = device;
      this.anchorMono = mono;
      return device;
    }
    return floor;
  }

  /** Persists the current time (called every few seconds) so that a restart cannot go back in time. */
  persist(): void {
    writePersisted(Math.max(this.now(), readPersisted()));
  }
}
