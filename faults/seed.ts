/**
 * The fault suite's one source of randomness: every random choice comes from a seeded PRNG whose
 * seed is printed, so `npm run test:faults -- --seed N` replays a failing run exactly.
 */
export const FAULT_SEED = Number(process.env.HALLCAST_FAULT_SEED ?? '') || defaultSeed();
/** Long forms (`--soak`): more kills, more files, more events. */
export const SOAK = process.env.HALLCAST_FAULT_SOAK === '1';

function defaultSeed(): number {
  return (Date.now() % 2_147_483_647) + 1;
}

/** mulberry32: small, fast and good enough to pick kill points and mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A generator for one test file: the suite seed mixed with the file's name, so files are independent. */
export function seeded(name: string): { seed: number; next: () => number; int: (n: number) => number } {
  let h = FAULT_SEED;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const next = prng(h || 1);
  return { seed: FAULT_SEED, next, int: (n) => Math.floor(next() * n) };
}
