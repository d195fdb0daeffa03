import type { Db } from './db.js';

/** Small server-wide facts (e.g. whether the content is demo content). */
export function createSettingsStore(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: (key: string) => get.get(key)?.value,
    set: (key: string, value: string) => set.run(key, value),
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
