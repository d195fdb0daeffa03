import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['admin', 'player', 'core', 'media/builtin', 'vite.config.ts', 'package-lock.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

/** Whether dist/ is missing or older than the web apps' sources. */
export function webBuildStale(root: string): boolean {
  const built = ['dist/admin/index.html', 'dist/player/index.html'].map((f) => join(root, f));
  if (!built.every(existsSync)) return true;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  return SOURCES.some((s) => newest(join(root, s)) > builtAt);
}

/** Builds the admin and player with Vite when stale; returns whether it built. */
export function buildWebIfStale(root: string, log: (line: string) => void = console.log): boolean {
  if (!webBuildStale(root)) return false;
  log('正在构建管理后台与播放端（vite build）…');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('网页构建失败，请查看上面的输出');
  return true;
}
