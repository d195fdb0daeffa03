import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');
const run = promisify(execFile);

/** One-import files placed in the tree for one lint run (then removed): folder and import. */
const PROBES = {
  httpStore: ['server/http/routes', '../../store/db.js'],
  jobsStore: ['server/jobs', '../store/screenStore.js'],
  realtimeStore: ['server/realtime', '../store/writeBatch.js'],
  realtimeHttp: ['server/realtime', '../http/middleware/auth.js'],
  adminServer: ['admin', '../server/errors.js'],
  playerServer: ['player/sync', '../../server/errors.js'],
  coreServer: ['core', '../server/errors.js'],
  corePlayer: ['core/credit', '../../player/render/ListBoard.js'],
  servicesStore: ['server/services', '../store/db.js'],
  httpServices: ['server/http/routes', '../../services/index.js'],
} as const;
type Probe = keyof typeof PROBES;
const refusals = new Map<Probe, string[]>();

beforeAll(async () => {
  const tag = randomBytes(4).toString('hex');
  const files = new Map<string, Probe>();
  for (const [probe, [folder, specifier]] of Object.entries(PROBES) as [Probe, readonly [string, string]][]) {
    const file = `${folder}/layerProbe${tag}${probe}.ts`;
    writeFileSync(join(ROOT, file), `import * as m from '${specifier}';\n\nexport const probe = m;\n`);
    files.set(file, probe);
    refusals.set(probe, []);
  }
  try {
    const out = await run(BIOME, ['lint', '--reporter=json', ...files.keys()], { cwd: ROOT }).catch(
      (e: { stdout: string }) => e,
    );
    const report = JSON.parse(out.stdout) as {
      diagnostics: { category: string; message: string; location: { path: string } }[];
    };
    for (const d of report.diagnostics) {
      const probe = files.get(d.location.path);
      if (probe && d.category === 'lint/style/noRestrictedImports') refusals.get(probe)!.push(d.message);
    }
  } finally {
    for (const file of files.keys()) rmSync(join(ROOT, file), { force: true });
  }
}, 60_000);

describe('layer rules (biome noRestrictedImports, so npm run check fails on a crossing)', () => {
  it('refuses http, jobs and realtime reaching into the store', () => {
    expect(refusals.get('httpStore')).toEqual([expect.stringContaining('through services')]);
    expect(refusals.get('jobsStore')).toHaveLength(1);
    expect(refusals.get('realtimeStore')).toHaveLength(1);
  });

  it('refuses realtime importing http', () => {
    expect(refusals.get('realtimeHttp')).toEqual([expect.stringContaining('never imports server/http')]);
  });

  it('refuses admin and player importing the server, and core importing anything of ours', () => {
    expect(refusals.get('adminServer')).toHaveLength(1);
    expect(refusals.get('playerServer')).toHaveLength(1);
    expect(refusals.get('coreServer')).toEqual([expect.stringContaining('core imports nothing')]);
    expect(refusals.get('corePlayer')).toHaveLength(1);
  });

  it('lets services use the store and http use services', () => {
    expect(refusals.get('servicesStore')).toEqual([]);
    expect(refusals.get('httpServices')).toEqual([]);
  });
});
