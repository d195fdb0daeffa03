import type { Ack, Command } from '../../core/protocol/events.js';
import { agentPresent, base64ToBlob, captureViaAgent } from './agentBridge.js';
import type { SyncSnapshot } from './snapshot.js';

export const IDENTIFY_MS = 10_000;

const ok = (data: unknown): Ack<unknown> => ({ ok: true, data });
const fail = (code: string, message: string): Ack<unknown> => ({ ok: false, error: { code, message } });

/** What the remote commands act on: the player's sync, seen through only what they need. */
export interface CommandHost {
  readonly base: string;
  readonly token: string | null;
  readonly clock: { now(): number };
  readonly snapshot: Pick<SyncSnapshot, 'infoOpen'> & { manifest: { screenName?: string | null } | null };
  set(patch: Partial<Pick<SyncSnapshot, 'identifyUntil' | 'infoOpen'>>): void;
  reload(): void;
  fetchManifest(force: boolean): Promise<number>;
  clearCache(): Promise<number>;
}

/** Takes a screenshot through the kiosk agent and uploads it with the device token. */
async function snapshot(sync: CommandHost, id: string): Promise<Ack<unknown>> {
  if (!agentPresent()) {
    return fail(
      'no_agent',
      '此屏幕未运行 kiosk 代理（hallcast kiosk），无法截屏；画面镜像依据上报的播放状态绘制',
    );
  }
  const shot = await captureViaAgent(id);
  if (!shot.ok || !shot.data) return fail('snapshot_failed', `截屏失败：${shot.error ?? '代理未返回图像'}`);
  const mime = shot.mime ?? 'image/jpeg';
  const res = await fetch(`${sync.base}/api/player/snapshot`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sync.token}`, 'content-type': mime },
    body: base64ToBlob(shot.data, mime),
  });
  if (!res.ok) return fail('upload_failed', `截屏上传失败（HTTP ${res.status}）`);
  return ok(await res.json());
}

/** Answers a server command; the ack carries the result. */
export async function handleCommand(sync: CommandHost, cmd: Command): Promise<Ack<unknown>> {
  switch (cmd.kind) {
    case 'reload':
      // The ack leaves first; the server answered, so the page comes back.
      sync.reload();
      return ok({ reloading: true });
    case 'resync':
      return ok({ revision: await sync.fetchManifest(true) });
    case 'clear-cache':
      return ok({ revision: await sync.clearCache() });
    case 'identify':
      sync.set({ identifyUntil: sync.clock.now() + IDENTIFY_MS });
      return ok({ name: sync.snapshot.manifest?.screenName ?? null, ms: IDENTIFY_MS });
    case 'info': {
      const show = typeof cmd.args?.show === 'boolean' ? cmd.args.show : !sync.snapshot.infoOpen;
      sync.set({ infoOpen: show });
      return ok({ shown: show });
    }
    case 'snapshot':
      return snapshot(sync, cmd.id);
    default:
      return fail('unsupported', `unknown command ${String((cmd as { kind?: unknown }).kind)}`);
  }
}
