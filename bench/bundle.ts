/**
 * bench:bundle — what a browser downloads on the admin's first load (the login page), on a
 * direct load of the dashboard, and on the player's first load, beside a bare page (React and
 * the antd components the login page uses, nothing of HallCast) built in the same run. Sizes of
 * the scripts and styles each loads (the entry, its static imports and their CSS), minified and
 * compressed (gzip -9, brotli 11). Builds with the project's vite.config.ts into a temporary
 * folder (with a manifest, so the chunks each page needs can be read), the bare page with its own
 * inline config. Prints figures, never passes or fails on them. `--json` prints one object.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, createBuilder, type Manifest } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');

export interface Load {
  files: number;
  minified: number;
  gzip: number;
  brotli: number;
}

/** The chunk keys a page loads before it runs: the entry and its static imports, transitively. */
function closure(manifest: Manifest, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    // A module that is no chunk of its own (not split) is inside one already counted.
    if (into.has(key) || !manifest[key]) continue;
    into.add(key);
    closure(manifest, manifest[key]?.imports ?? [], into);
  }
  return into;
}

/** The bytes of the scripts and styles of these chunks, each file once. */
function measure(dir: string, manifest: Manifest, keys: Set<string>): Load {
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  const load: Load = { files: files.size, minified: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    load.minified += bytes.length;
    load.gzip += gzipSync(bytes, { level: 9 }).length;
    load.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return load;
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;

/**
 * The project's build (admin and player), as `npm run build` makes it (vite.config.ts's builder:
 * the admin, then the player for chrome69), into `outDir`, each environment writing its manifest.
 */
async function buildProject(outDir: string): Promise<Manifest> {
  const builder = await createBuilder({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    environments: {
      client: { build: { outDir, manifest: '.vite/manifest.json' } },
      player: { build: { outDir, manifest: '.vite/player-manifest.json' } },
    },
  });
  await builder.buildApp();
  return {
    ...readManifest(outDir),
    ...(JSON.parse(readFileSync(join(outDir, '.vite', 'player-manifest.json'), 'utf8')) as Manifest),
  };
}

/** The bare page (bench/bundle/index.html) with its own config: React, antd, nothing else. */
async function buildBare(outDir: string): Promise<Manifest> {
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'bundle'),
    base: '/',
    publicDir: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, manifest: true, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  });
  return readManifest(outDir);
}

/** The admin's page chunks (every lazy `admin/<folder>/<Name>Page.tsx`), by source path. */
const pageKeys = (m: Manifest) =>
  Object.keys(m).filter((k) => /^admin\/[^/]+\/\w+Page\.tsx$/.test(k) && m[k]!.isDynamicEntry);

const ratio = (a: Load, b: Load) => ({
  minified: +(a.minified / b.minified).toFixed(3),
  gzip: +(a.gzip / b.gzip).toFixed(3),
  brotli: +(a.brotli / b.brotli).toFixed(3),
});

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'hallcast-bundle-'));
  try {
    const appDir = join(tmp, 'app');
    const bareDir = join(tmp, 'bare');
    const app = await buildProject(appDir);
    const bareManifest = await buildBare(bareDir);
    const loginKeys = closure(app, ['admin/index.html']);
    const dashboardKeys = closure(
      app,
      ['admin/layout/AppLayout.tsx', 'admin/dashboard/DashboardPage.tsx'],
      new Set(loginKeys),
    );
    const pages = pageKeys(app);
    const figures = {
      bare: measure(bareDir, bareManifest, closure(bareManifest, ['index.html'])),
      login: measure(appDir, app, loginKeys),
      dashboard: measure(appDir, app, dashboardKeys),
      player: measure(appDir, app, closure(app, ['player/index.html'])),
      /** Pages split into their own chunks, and those the login page or the dashboard load besides their own. */
      pageChunks: pages.length,
      pagesInLogin: pages.filter((k) => loginKeys.has(k)),
      otherPagesInDashboard: pages.filter(
        (k) => dashboardKeys.has(k) && k !== 'admin/dashboard/DashboardPage.tsx',
      ),
    };
    const result = {
      ...figures,
      loginOverBare: ratio(figures.login, figures.bare),
      dashboardOverLogin: ratio(figures.dashboard, figures.login),
    };
    if (json) return void console.log(JSON.stringify(result));
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const row = (name: string, l: Load) =>
      `${name.padEnd(22)}${String(l.files).padStart(6)}${kb(l.minified).padStart(13)}${kb(l.gzip).padStart(12)}${kb(l.brotli).padStart(12)}`;
    console.log(`${'first load'.padEnd(22)} files     minified        gzip      brotli`);
    console.log(row('bare page (React+antd)', figures.bare));
    console.log(row('admin: login page', figures.login));
    console.log(row('admin: dashboard', figures.dashboard));
    console.log(row('player', figures.player));
    const r = result.loginOverBare;
    console.log(`login / bare: ${r.minified} minified, ${r.gzip} gzip, ${r.brotli} brotli`);
    console.log(
      `pages split: ${pages.length}; in the login load: ${figures.pagesInLogin.length}; other pages in the dashboard load: ${figures.otherPagesInDashboard.length}`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
