import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../core/manifest/types.js';
import { Idb } from './idb.js';
import { OfflineStore } from './offlineStore.js';
import { manifestFixture } from './testManifest.js';

async function fresh(): Promise<OfflineStore> {
  const store = await OfflineStore.open();
  if (!store) throw new Error('no store');
  await store.clearAll();
  return store;
}

describe('OfflineStore', () => {
  it('keeps the newest manifest and the last good one before it', async () => {
    const store = await fresh();
    for (const revision of [3, 4, 5]) await store.saveManifest({ ...manifestFixture(), revision }, 1);
    expect((await store.keptManifests()).map((m) => m.revision)).toEqual([5, 4]);
    const loaded = await store.loadManifest('screen-1');
    expect(loaded).toMatchObject({ fallback: false, problems: [] });
    expect(loaded.manifest?.revision).toBe(5);
  });

  it('falls back to the last good copy when the newest is corrupt, saying why', async () => {
    const store = await fresh();
    await store.saveManifest({ ...manifestFixture(), revision: 4 }, 1);
    await store.saveManifest({ ...manifestFixture(), revision: 5 }, 1);
    await store.db.put('manifests', 5, { revision: 5, savedAt: 1, json: '{"screenId":"screen-1","revis' });
    const loaded = await store.loadManifest('screen-1');
    expect(loaded.manifest?.revision).toBe(4);
    expect(loaded.fallback).toBe(true);
    expect(loaded.problems[0]).toContain('cached manifest 5');
  });

  it('does not play a manifest of another screen (a re-paired device)', async () => {
    const store = await fresh();
    await store.saveManifest(manifestFixture() as Manifest, 1);
    expect((await store.loadManifest('other-screen')).manifest).toBeNull();
  });

  it('evicts datasets and media the manifest no longer names', async () => {
    const store = await fresh();
    await store.saveDataset('a'.repeat(64), '{}');
    await store.saveDataset('b'.repeat(64), '{}');
    await store.saveMedia('c'.repeat(64), { mime: 'image/png', bytes: 3, blob: new Blob(['abc']) });
    await store.saveMedia('d'.repeat(64), { mime: 'image/png', bytes: 3, blob: new Blob(['abd']) });
    expect(await store.evict(new Set(['a'.repeat(64)]), new Set(['d'.repeat(64)]))).toBe(2);
    expect(await store.loadDataset('b'.repeat(64))).toBeUndefined();
    expect(await store.loadDataset('a'.repeat(64))).toBe('{}');
    expect(await store.mediaKeys()).toEqual(['d'.repeat(64)]);
  });

  it('opens on its own database name through Idb', async () => {
    const db = await Idb.open(`other-${Math.random()}`);
    await db.put('meta', 'k', 1);
    expect(await db.get('meta', 'k')).toBe(1);
  });
});
