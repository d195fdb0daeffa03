/** What the device keeps across restarts: its secret, its token and the last server time seen. */
const KEY = 'hallcast.device';

export interface DeviceState {
  secret: string;
  token: string | null;
  screenId: string | null;
}

/** Random hex from crypto.getRandomValues (plain-http LAN origins have no randomUUID/subtle). */
export function randomHex(bytes: number): string {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function loadDevice(): DeviceState {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) {
      const d = JSON.parse(raw) as DeviceState;
      if (/^[0-9a-f]{64}$/.test(d.secret)) return d;
    }
  } catch {
    // A corrupt record is replaced by a new device identity below.
  }
  const fresh: DeviceState = { secret: randomHex(32), token: null, screenId: null };
  saveDevice(fresh);
  return fresh;
}

export function saveDevice(d: DeviceState): void {
  localStorage.setItem(KEY, JSON.stringify(d));
}

/** Forgets the token (revoked): the device returns to pairing with a new secret. */
export function resetDevice(): DeviceState {
  const fresh: DeviceState = { secret: randomHex(32), token: null, screenId: null };
  saveDevice(fresh);
  return fresh;
}
