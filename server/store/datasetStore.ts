import type { Db } from './db.js';

/** A content-addressed list dataset: its JSON body and what the manifest says of it. */
export interface StoredDataset {
  hash: string;
  listType: 'red' | 'black';
  categoryId: string;
  body: string;
  entries: number;
}
/** A category's current dataset, without its body. */
export interface CurrentDataset extends Omit<StoredDataset, 'body'> {
  categoryName: string;
}

/** Content-addressed list datasets and which one is current per category. */
export function createDatasetStore(db: Db) {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO datasets (hash, list_type, category_id, body, entries, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const get = db.prepare<[string], StoredDataset>(
    'SELECT hash, list_type AS listType, category_id AS categoryId, body, entries FROM datasets WHERE hash = ?',
  );
  const setCurrent = db.prepare(
    'INSERT INTO current_datasets (category_id, hash) VALUES (?, ?) ON CONFLICT (category_id) DO UPDATE SET hash = excluded.hash',
  );
  const current = db.prepare<[], CurrentDataset>(
    `SELECT d.hash, d.list_type AS listType, d.category_id AS categoryId, d.entries, c.name AS categoryName
     FROM current_datasets cd JOIN datasets d ON d.hash = cd.hash JOIN categories c ON c.id = cd.category_id
     ORDER BY c.list_type DESC, c.sort, c.name`,
  );
  const currentHash = db.prepare<[string], { hash: string | null }>(
    'SELECT hash FROM current_datasets WHERE category_id = ?',
  );
  return {
    insert: (d: StoredDataset, at: number) =>
      insert.run(d.hash, d.listType, d.categoryId, d.body, d.entries, at),
    get: (hash: string) => get.get(hash),
    setCurrent: (categoryId: string, hash: string | null) => setCurrent.run(categoryId, hash),
    currentHash: (categoryId: string) => currentHash.get(categoryId)?.hash ?? null,
    listCurrent: () => current.all(),
  };
}
export type DatasetStore = ReturnType<typeof createDatasetStore>;
