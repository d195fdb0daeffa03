/**
 * Hostile and fuzzed import files against a real server in its own process: no crash, no 5xx, no
 * partial write, a named error per refused file, and memory measured (RSS of the server process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amplifiedStrings,
  csvWithCell,
  honestCellBomb,
  lyingCellBomb,
  manySheets,
  overlappingEntries,
  sharedStringCellBomb,
  sharedStringsBomb,
} from '../server/services/credit/import/bombFixtures.js';
import { xlsx as creditXlsx, orgRow } from '../server/test/creditFixtures.js';
import { fuzzBases } from './imports/bases.js';
import { resetPeak, rssOf, type ServerChild, startServerChild, uploadTo } from './imports/child.js';
import { mutate } from './imports/mutate.js';
import { SOAK, seeded } from './seed.js';

const MB = 1024 * 1024;
/** The bound: server memory within this of idle for any bomb, three at once included. */
const MAX_RSS_GROWTH_MB = 150;
const FUZZ_FILES = SOAK ? 500 : 50;
const rng = seeded('imports');
console.log(`imports fault: seed ${rng.seed}${SOAK ? ' (soak)' : ''}, ${FUZZ_FILES} fuzzed files`);

let s: ServerChild;
beforeAll(async () => {
  s = await startServerChild();
  // Warm up: the first xlsx read loads exceljs; idle is measured after it, as a running server is.
  const warm = await uploadTo(s, await creditXlsx([orgRow()]), 'warm.xlsx');
  expect(warm.status).toBe(201);
});
afterAll(async () => {
  await s?.stop();
});

const pid = () => s.proc.pid ?? 0;
const mb1 = (n: number) => Math.round(n * 10) / 10;

async function healthy(): Promise<boolean> {
  const r = await fetch(`${s.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
  return r.status === 200;
}

/** Sends `files` all at once and samples the server's RSS until every answer is in. */
async function measured(files: Buffer[]) {
  resetPeak(pid());
  const idle = rssOf(pid()).rss;
  let sampled = idle;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, rssOf(pid()).rss);
  }, 5);
  const answers = await Promise.all(files.map((f, i) => uploadTo(s, f, `bomb${i}.xlsx`)));
  clearInterval(timer);
  const peak = Math.max(sampled, rssOf(pid()).peak);
  const after = rssOf(pid()).rss;
  return { answers, idle, peak, after };
}

describe('import bombs, three at once, against a server process', () => {
  const kinds: [string, () => Promise<Buffer>, number, string][] = [
    [
      '200 MB cell behind a 4 KB declared size',
      () => lyingCellBomb(200 * MB),
      413,
      'file_inflated_too_large',
    ],
    ['90 MB cell declared honestly', () => honestCellBomb(90 * MB), 413, 'cell_too_large'],
    ['90 MB shared string declared honestly', () => sharedStringCellBomb(90 * MB), 413, 'cell_too_large'],
    [
      '200 MB of shared strings behind a 4 KB declared size',
      () => sharedStringsBomb(200 * MB, 4096),
      413,
      'file_inflated_too_large',
    ],
    [
      '90 MB of shared strings declared honestly',
      () => sharedStringsBomb(90 * MB),
      413,
      'shared_strings_too_many',
    ],
    ['one shared string in every cell of 10,000 rows', () => amplifiedStrings(10_000), 413, 'text_too_large'],
    ['10,000 entries over one local record', () => overlappingEntries(10_000, 1024), 422, 'file_corrupt'],
    [
      '2,000 sheets lying about their size',
      () => manySheets(2000, 256 * 1024, 100),
      413,
      'file_inflated_too_large',
    ],
    ['CSV with a 20 MB cell', async () => csvWithCell(6_800_000), 413, 'cell_too_large'],
  ];
  for (const [name, build, status, code] of kinds) {
    // Three at once are read one after another (HALLCAST_IMPORT_READERS): the bound holds for all.
    it(`${name}: ${status} ${code}, RSS within ${MAX_RSS_GROWTH_MB} MB of idle, three at once`, async () => {
      const bomb = await build();
      const before = await s.counts();
      for (const n of [3]) {
        const m = await measured(Array<Buffer>(n).fill(bomb));
        console.log(
          `imports fault: ${name} x${n} (${mb1(bomb.length / 1024)} KB each): RSS idle ${mb1(m.idle)} MB, ` +
            `peak ${mb1(m.peak)} MB (+${mb1(m.peak - m.idle)}), after ${mb1(m.after)} MB`,
        );
        for (const a of m.answers)
          expect({ status: a.status, code: a.body?.error?.code }).toEqual({ status, code });
        expect(m.peak - m.idle).toBeLessThan(MAX_RSS_GROWTH_MB);
      }
      expect(await s.counts()).toEqual(before);
      expect(await healthy()).toBe(true);
    });
  }
});

describe('fuzzed import files', () => {
  it(`answers ${FUZZ_FILES} mutated files with 201 or a named 4xx, writes nothing, keeps running`, async () => {
    const { bases, hash } = await fuzzBases();
    console.log(`imports fault: fuzz bases ${hash} (same seed and bases: same files)`);
    const before = await s.counts();
    const rssBefore = rssOf(pid()).rss;
    resetPeak(pid());
    const codes = new Map<string, number>();
    for (let i = 0; i < FUZZ_FILES; i++) {
      const base = bases[rng.int(bases.length)]!;
      const other = bases[rng.int(bases.length)]!.file;
      const { file, steps } = mutate(base.file, other, rng);
      const r = await uploadTo(s, file, base.name);
      const code = r.status === 201 ? 'preview' : String(r.body?.error?.code);
      codes.set(`${r.status} ${code}`, (codes.get(`${r.status} ${code}`) ?? 0) + 1);
      const what = `file ${i} (${base.name}: ${steps.join('+')}) -> ${r.status} ${code}`;
      expect(r.status === 201 || (r.status >= 400 && r.status < 500), what).toBe(true);
      if (r.status !== 201) expect(r.body?.error?.code, what).toMatch(/^[a-z_]+$/);
      if (i % 10 === 9) expect(await healthy(), what).toBe(true);
    }
    const rss = rssOf(pid());
    console.log(
      `imports fault: ${FUZZ_FILES} fuzzed files, codes ${JSON.stringify(Object.fromEntries(codes))}; ` +
        `RSS before ${mb1(rssBefore)} MB, peak ${mb1(rss.peak)} MB, after ${mb1(rss.rss)} MB`,
    );
    expect(await s.counts()).toEqual(before);
    expect(await healthy()).toBe(true);
    expect(s.proc.exitCode).toBeNull();
  });
});
