import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CommandHost, handleCommand, IDENTIFY_MS } from './commands.js';

/** A host with just what the commands touch (the CommandHost interface, no cast). */
function fakeSync() {
  const snapshot: { infoOpen: boolean; identifyUntil: number; manifest: { screenName: string } } = {
    infoOpen: false,
    identifyUntil: 0,
    manifest: { screenName: '一楼主屏' },
  };
  const s = {
    snapshot,
    clock: { now: () => 1_000_000 },
    base: '',
    token: 't'.repeat(64),
    set(patch: { identifyUntil?: number; infoOpen?: boolean }) {
      s.snapshot = { ...s.snapshot, ...patch };
    },
    reload: () => undefined,
    fetchManifest: async () => 7,
    clearCache: async () => 7,
  } satisfies CommandHost;
  return s;
}

afterEach(() => {
  delete (window as { hallcastAgent?: unknown }).hallcastAgent;
  vi.unstubAllGlobals();
});

describe('commands', () => {
  it('identify shows the name for 10 s; info toggles the panel', async () => {
    const s = fakeSync();
    const sync = s;
    expect(await handleCommand(sync, { id: '1', kind: 'identify' })).toMatchObject({
      ok: true,
      data: { name: '一楼主屏' },
    });
    expect(s.snapshot.identifyUntil).toBe(1_000_000 + IDENTIFY_MS);
    expect(await handleCommand(sync, { id: '2', kind: 'info' })).toEqual({ ok: true, data: { shown: true } });
    expect(await handleCommand(sync, { id: '3', kind: 'info' })).toEqual({
      ok: true,
      data: { shown: false },
    });
    expect(await handleCommand(sync, { id: '4', kind: 'info', args: { show: true } })).toEqual({
      ok: true,
      data: { shown: true },
    });
  });

  it('snapshot answers that no agent runs when the kiosk agent is absent', async () => {
    const reply = await handleCommand(fakeSync(), { id: '5', kind: 'snapshot' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'no_agent' } });
  });

  it('snapshot asks the agent through its binding and uploads the image with the device token', async () => {
    const w = window as Window & {
      hallcastAgent?: (p: string) => void;
      __hallcastAgentReply?: (id: string, r: unknown) => void;
    };
    w.hallcastAgent = (payload) => {
      const { id } = JSON.parse(payload) as { id: string };
      setTimeout(
        () => w.__hallcastAgentReply?.(id, { ok: true, mime: 'image/jpeg', data: btoa('\xff\xd8\xffjpeg') }),
        0,
      );
    };
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ at: 1, bytes: 7, url: '/api/screens/s/snapshot' }), { status: 201 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const reply = await handleCommand(fakeSync(), {
      id: 'snap-1',
      kind: 'snapshot',
    });
    expect(reply).toEqual({ ok: true, data: { at: 1, bytes: 7, url: '/api/screens/s/snapshot' } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/player/snapshot');
    expect((init.headers as Record<string, string>).authorization).toBe(`Bearer ${'t'.repeat(64)}`);
  });
});
