import type { Item } from '../../core/manifest/types.js';
import type { PlaylistEntry } from '../../core/schedule/types.js';
import type { Db } from './db.js';

interface ItemRow {
  id: string;
  name: string;
  kind: string;
  spec: string;
}
interface PlaylistRow {
  id: string;
  name: string;
  role: 'content' | 'lists';
  entries: string;
  updated_at: number;
}
interface MediaRow {
  hash: string;
  type: 'image' | 'video';
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  original_name: string;
  builtin: number;
  created_at: number;
}
/** A media file's metadata (the file itself is named by its sha256 in the media folder). */
export interface StoredMedia {
  hash: string;
  type: 'image' | 'video';
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  originalName: string;
  builtin: boolean;
  createdAt: number;
}
export interface StoredPlaylist {
  id: string;
  name: string;
  role: 'content' | 'lists';
  entries: PlaylistEntry[];
  updatedAt: number;
}

const toPlaylist = (r: PlaylistRow): StoredPlaylist => ({
  id: r.id,
  name: r.name,
  role: r.role,
  entries: JSON.parse(r.entries) as PlaylistEntry[],
  updatedAt: r.updated_at,
});

const toMedia = (r: MediaRow): StoredMedia => ({
  hash: r.hash,
  type: r.type,
  mime: r.mime,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
  durationMs: r.duration_ms,
  originalName: r.original_name,
  builtin: r.builtin === 1,
  createdAt: r.created_at,
});

/** Content items, playlists and media metadata. */
export function createContentStore(db: Db) {
  const item = db.prepare<[string], ItemRow>('SELECT * FROM items WHERE id = ?');
  const items = db.prepare<[], ItemRow>('SELECT * FROM items ORDER BY created_at');
  const insertItem = db.prepare(
    'INSERT INTO items (id, name, kind, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const playlist = db.prepare<[string], PlaylistRow>('SELECT * FROM playlists WHERE id = ?');
  const playlists = db.prepare<[], PlaylistRow>('SELECT * FROM playlists ORDER BY created_at, name');
  const listsPlaylist = db.prepare<[], PlaylistRow>(
    "SELECT * FROM playlists WHERE role = 'lists' ORDER BY created_at LIMIT 1",
  );
  const insertPlaylist = db.prepare(
    'INSERT INTO playlists (id, name, role, entries, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const media = db.prepare<[string], MediaRow>('SELECT * FROM media WHERE hash = ?');
  const insertMedia = db.prepare(
    `INSERT OR IGNORE INTO media (hash, type, mime, bytes, width, height, duration_ms, original_name, builtin, created_at)
     VALUES (@hash, @type, @mime, @bytes, @width, @height, @durationMs, @originalName, @builtin, @createdAt)`,
  );
  const updateItem = db.prepare('UPDATE items SET name = ?, kind = ?, spec = ?, updated_at = ? WHERE id = ?');
  const deleteItem = db.prepare('DELETE FROM items WHERE id = ?');
  const itemTimes = db.prepare<[], { id: string; updated_at: number }>('SELECT id, updated_at FROM items');
  const itemsUsingMedia = db.prepare<[string], { id: string; name: string }>(
    "SELECT id, name FROM items WHERE json_extract(spec, '$.media') = ? ORDER BY name",
  );
  const updatePlaylist = db.prepare(
    'UPDATE playlists SET name = ?, entries = ?, updated_at = ? WHERE id = ?',
  );
  const deletePlaylist = db.prepare('DELETE FROM playlists WHERE id = ?');
  const mediaList = db.prepare<[], MediaRow>('SELECT * FROM media ORDER BY builtin, created_at DESC');
  const mediaTotal = db.prepare<[], { n: number | null }>(
    'SELECT sum(bytes) AS n FROM media WHERE builtin = 0',
  );
  const deleteMedia = db.prepare('DELETE FROM media WHERE hash = ?');
  const parseItem = (r: ItemRow): Item =>
    ({ ...(JSON.parse(r.spec) as object), id: r.id, name: r.name }) as Item;
  return {
    getItem: (id: string) => {
      const r = item.get(id);
      return r ? parseItem(r) : undefined;
    },
    listItems: () => items.all().map(parseItem),
    insertItem: (i: Item, at: number) => {
      const { id, name, ...spec } = i;
      insertItem.run(id, name, i.kind, JSON.stringify(spec), at, at);
    },
    getPlaylist: (id: string) => {
      const r = playlist.get(id);
      return r ? toPlaylist(r) : undefined;
    },
    listPlaylists: () => playlists.all().map(toPlaylist),
    listsPlaylist: () => {
      const r = listsPlaylist.get();
      return r ? toPlaylist(r) : undefined;
    },
    insertPlaylist: (
      p: { id: string; name: string; role: 'content' | 'lists'; entries: PlaylistEntry[] },
      at: number,
    ) => insertPlaylist.run(p.id, p.name, p.role, JSON.stringify(p.entries), at, at),
    getMedia: (hash: string) => {
      const r = media.get(hash);
      return r ? toMedia(r) : undefined;
    },
    insertMedia: (m: StoredMedia) => insertMedia.run({ ...m, builtin: m.builtin ? 1 : 0 }),
    updateItem: (i: Item, at: number) => {
      const { id, name, ...spec } = i;
      updateItem.run(name, i.kind, JSON.stringify(spec), at, id);
    },
    deleteItem: (id: string) => deleteItem.run(id),
    itemUpdatedAt: () => new Map(itemTimes.all().map((r) => [r.id, r.updated_at])),
    itemsUsingMedia: (hash: string) => itemsUsingMedia.all(hash),
    updatePlaylist: (p: { id: string; name: string; entries: PlaylistEntry[] }, at: number) =>
      updatePlaylist.run(p.name, JSON.stringify(p.entries), at, p.id),
    deletePlaylist: (id: string) => deletePlaylist.run(id),
    listMedia: () => mediaList.all().map(toMedia),
    /** Bytes of uploaded (not built-in) media. */
    mediaTotalBytes: () => mediaTotal.get()?.n ?? 0,
    deleteMedia: (hash: string) => deleteMedia.run(hash),
  };
}
export type ContentStore = ReturnType<typeof createContentStore>;
