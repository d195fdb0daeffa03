import { createHash } from 'node:crypto';
import type { Dataset, DatasetEntry } from '../../../core/credit/dataset.js';
import { maskIdentifiers } from '../../../core/credit/mask.js';
import { dateIn } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import type { Category, CreditStore, Entry } from '../../store/creditStore.js';
import type { DatasetStore, StoredDataset } from '../../store/datasetStore.js';

const TITLES = { red: '诚信红榜', black: '失信黑榜' } as const;

// The last guard before screens: the text fields are masked at import already, and again here.
const m = maskIdentifiers;

function toEntry(e: Entry): DatasetEntry {
  return {
    id: e.id,
    subjectType: e.subjectType,
    name: m(e.nameDisplay),
    code: e.codeDisplay,
    legalRep: m(e.legalRep),
    reason: m(e.reason),
    basis: m(e.basis),
    authority: m(e.authority),
    docNo: m(e.docNo),
    decisionDate: e.decisionDate,
    publishUntil: e.publishUntil,
  };
}

/** Builds a category's dataset from what is on display today: masked values only. */
export function buildDataset(category: Category, entries: Entry[]): Dataset {
  return {
    listType: category.listType,
    category: { id: category.id, name: category.name },
    title: `${TITLES[category.listType]} · ${category.name}`,
    fields: category.fields,
    entries: entries.map(toEntry),
  };
}

/** The same content always gives the same hash: no timestamp inside. */
export const hashDataset = (body: string) => createHash('sha256').update(body).digest('hex');

/**
 * Dataset rows by hash, the most recently used kept in memory up to `maxBytes` of body: after a
 * publication every screen fetches the same new dataset, which is then read from the database
 * once. A hash names its content for ever, so nothing in here is ever stale.
 */
export function bodyCache(load: (hash: string) => StoredDataset | undefined, maxBytes: number) {
  const rows = new Map<string, StoredDataset>();
  let bytes = 0;
  return (hash: string): StoredDataset | undefined => {
    const hit = rows.get(hash);
    if (hit) {
      rows.delete(hash);
      rows.set(hash, hit);
      return hit;
    }
    const row = load(hash);
    if (!row || row.body.length * 2 > maxBytes) return row;
    rows.set(hash, row);
    bytes += row.body.length * 2;
    for (const [oldest, r] of rows) {
      if (bytes <= maxBytes) break;
      rows.delete(oldest);
      bytes -= r.body.length * 2;
    }
    return row;
  };
}

/** Rebuilds every category's current dataset; returns the categories whose content changed. */
export function createDatasetService(
  credit: CreditStore,
  datasets: DatasetStore,
  clock: Clock,
  cacheBytes: number,
) {
  const cached = bodyCache((hash) => datasets.get(hash), cacheBytes);
  return {
    rebuild(): string[] {
      const today = dateIn(clock.now());
      const changed: string[] = [];
      for (const category of credit.listCategories()) {
        const entries = credit.entriesOnDisplay(category.id, today);
        const previous = datasets.currentHash(category.id);
        if (entries.length === 0) {
          if (previous !== null) {
            datasets.setCurrent(category.id, null);
            changed.push(category.id);
          }
          continue;
        }
        const body = JSON.stringify(buildDataset(category, entries));
        const hash = hashDataset(body);
        if (hash === previous) continue;
        datasets.insert(
          { hash, listType: category.listType, categoryId: category.id, body, entries: entries.length },
          clock.now(),
        );
        datasets.setCurrent(category.id, hash);
        changed.push(category.id);
      }
      return changed;
    },
    get: cached,
    current: () => datasets.listCurrent(),
  };
}
export type DatasetService = ReturnType<typeof createDatasetService>;
