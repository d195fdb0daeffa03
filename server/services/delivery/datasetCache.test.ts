import { describe, expect, it } from 'vitest';
import type { StoredDataset } from '../../store/datasetStore.js';
import { bodyCache } from './datasetService.js';

const row = (hash: string, chars: number): StoredDataset => ({
  hash,
  listType: 'black',
  categoryId: 'c',
  body: 'x'.repeat(chars),
  entries: 1,
});

/** A loader over fixed rows that counts its reads (the database's part). */
function source(rows: StoredDataset[]) {
  const reads: string[] = [];
  const load = (hash: string) => {
    reads.push(hash);
    return rows.find((r) => r.hash === hash);
  };
  return { load, reads };
}

describe('dataset body cache', () => {
  it('reads a dataset once however many screens fetch it', () => {
    const s = source([row('a', 100)]);
    const get = bodyCache(s.load, 10_000);
    for (let i = 0; i < 1000; i++) expect(get('a')?.hash).toBe('a');
    expect(s.reads).toEqual(['a']);
  });

  it('keeps the most recently used within its byte budget, and never caches a miss', () => {
    const s = source([row('a', 100), row('b', 100), row('c', 100), row('huge', 10_000)]);
    const get = bodyCache(s.load, 450); // two 100-char bodies (2 bytes a char) fit, not three
    get('a');
    get('b');
    get('a'); // a is now the most recent
    get('c'); // evicts b
    get('a');
    get('b');
    expect(s.reads).toEqual(['a', 'b', 'c', 'b']);
    expect(get('huge')?.hash).toBe('huge');
    expect(get('huge')?.hash).toBe('huge');
    expect(get('missing')).toBeUndefined();
    expect(get('missing')).toBeUndefined();
    expect(s.reads.slice(4)).toEqual(['huge', 'huge', 'missing', 'missing']);
  });
});
