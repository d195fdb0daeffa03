const KEY = 'hallcast.lastServerTime';
/** A device clock moving this much more or less than monotonic time between two reads was set. */
const JUMP_MS = 5000;

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
  /** When the server last answered (trusted time), 0 before that in this session. */
  lastSyncAt = 0;
  private last: { device: number; mono: number } | null = null;

  constructor(
    private deviceNow: () => number = () => Date.now(),
    private mono: () => number = () => performance.now(),
  ) {
    const persisted = readPersisted();
    this.anchorServer = persisted;
    this.anchorMono = this.mono();
    this.trusted = persisted === 0 || this.deviceNow() >= persisted;
  }

  /**
   * A floor kept elsewhere (IndexedDB) at start-up, before any server answer: it raises the floor
   * if later than the one read at construction, and the device clock behind it is untrusted.
   */
  adoptPersisted(t: number): void {
    if (this.lastSyncAt > 0 || t <= this.anchorServer + (this.mono() - this.anchorMono)) return;
    this.anchorServer = t;
    this.anchorMono = this.mono();
    if (this.deviceNow() < t) this.trusted = false;
    writePersisted(t);
  }

  /** Adopts a server time from a handshake, heartbeat reply or manifest. */
  sync(serverTime: number): void {
    this.offset = serverTime - this.deviceNow();
    this.anchorServer = serverTime;
    this.anchorMono = this.mono();
    this.trusted = true;
    this.lastSyncAt = serverTime;
    this.last = null;
    writePersisted(serverTime);
  }

  /**
   * Never goes back: the floor follows the last server time plus monotonic time, and ratchets
   * up to any later time this clock has returned (a device clock set back later cannot undo it).
   * Once the server has answered in this session, a jump of the device clock (someone sets it,
   * NTP steps it) is absorbed into the offset: monotonic time since the answer is the better
   * measure. Before any answer the device clock is all there is, so a jump forward counts.
   */
  now(): number {
    const mono = this.mono();
    const device = this.deviceNow();
    if (this.lastSyncAt > 0 && this.last) {
      const jump = device - this.last.device - (mono - this.last.mono);
      if (Math.abs(jump) > JUMP_MS) this.offset -= jump;
    }
    this.last = { device, mono };
    const floor = this.anchorServer + (mono - this.anchorMono);
    const t = device + this.offset;
    if (t <= floor) return floor;
    this.anchorServer = t;
    this.anchorMono = mono;
    return t;
  }

  /** Persists the current time (called every few seconds) so that a restart cannot go back in time. */
  persist(): void {
    writePersisted(Math.max(this.now(), readPersisted()));
  }
}
