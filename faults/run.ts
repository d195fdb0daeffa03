/**
 * `npm run test:faults [-- --seed N] [--soak]`: runs the fault suite with a printed seed.
 * The CI form (no --soak) is part of `npm test`.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const at = args.indexOf('--seed');
const seed = at >= 0 ? Number(args[at + 1]) : (Date.now() % 2_147_483_647) + 1;
if (!Number.isInteger(seed) || seed <= 0) {
  console.error('--seed 需要一个正整数（上次运行打印的种子）');
  process.exit(2);
}
const soak = args.includes('--soak');
const rest = args.filter((a, i) => a !== '--soak' && a !== '--seed' && args[i - 1] !== '--seed');
console.log(
  `fault suite: seed ${seed}${soak ? ' (soak)' : ''} — replay with npm run test:faults -- --seed ${seed}${soak ? ' --soak' : ''}`,
);
// The offline file drives the built player in Chromium.
const build = spawnSync(process.execPath, ['bin/hallcast.js', 'build-if-stale'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.faults.config.ts', ...rest], {
  stdio: 'inherit',
  env: { ...process.env, HALLCAST_FAULT_SEED: String(seed), HALLCAST_FAULT_SOAK: soak ? '1' : '0' },
});
process.exit(r.status ?? 1);
