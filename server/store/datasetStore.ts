import type { Db } from './db.js';

export interface DatasetRow {
  hash: string;
  list_type: 'red' | 'black';
  category_id: string;
  body: string;
  entries: number;
}

/** Content-addressed list datasets and which one is current per category. */
export function createDatasetStore(db: Db) {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO datasets (hash, list_type, category_id, body, entries, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const get = db.prepare<[string], DatasetRow>('SELECT * FROM datasets WHERE hash = ?');
  const setCurrent = db.prepare(
    'INSERT INTO current_datasets (category_id, hash) VALUES (?, ?) ON CONFLICT (category_id) DO UPDATE SET hash = excluded.hash',
  );
  const current = db.prepare<[], Omit<DatasetRow, 'body'> & { category_name: string }>(
    `SELECT d.hash, d.list_type, d.category_id, d.entries, c.name AS category_name
     FROM current_datasets cd JOIN datasets d ON d.hash = cd.hash JOIN categories c ON c.id = cd.category_id
     ORDER BY c.list_type DESC, c.sort, c.name`,
  );
  const currentHash = db.prepare<[string], { hash: string | null }>(
    'SELECT hash FROM current_datasets WHERE category_id = ?',
  );
  return {
    insert: (r: DatasetRow, at: number) =>
      insert.run(r.hash, r.list_type, r.category_id, r.body, r.entries, at),
    get: (hash: string) => get.get(hash),
    setCurrent: (categoryId: string, hash: string | null) => setCurrent.run(categoryId, hash),
    currentHash: (categoryId: string) => currentHash.get(categoryId)?.hash ?? null,
    listCurrent: () => current.all(),
  };
}
export type DatasetStore = ReturnType<typeof createDatasetStore>;
