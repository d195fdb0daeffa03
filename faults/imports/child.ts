import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '../../server/test/harness.js';

/** The server child: where it listens, a list editor signed in, and a line channel to it. */
export interface ServerChild {
  proc: ChildProcess;
  url: string;
  editor: Client;
  unitId: string;
  categoryId: string;
  counts(): Promise<{ batches: number; entries: number; audit: number }>;
  stop(): Promise<void>;
}

/** Starts faults/imports/server.ts in a node process of its own (no npx in between: its pid is the server's). */
export async function startServerChild(env: Record<string, string> = {}): Promise<ServerChild> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallcast-fault-imports-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'faults/imports/server.ts'], {
    env: { ...process.env, ...env, HALLCAST_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  const next = async () => JSON.parse(String((await lines.next()).value ?? 'null'));
  const hello = await next();
  if (!hello?.url) throw new Error('server child did not start');
  const login = hello.logins.find((l: { role: string }) => l.role === 'list-editor');
  const editor = new Client(hello.url);
  const r = await editor.login(login.username, login.password);
  if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`);
  return {
    proc,
    url: hello.url,
    editor,
    unitId: hello.unitId,
    categoryId: hello.categoryId,
    async counts() {
      proc.stdin!.write('counts\n');
      return next();
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((resolve) => proc.once('exit', resolve));
        proc.stdin!.write('stop\n');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What POST /api/imports answered, as far as the suite looks at it. */
export type Answer = { id?: string; error?: { code?: string; message?: string } } | null;

/** Uploads a file for preview as the list editor. */
export async function uploadTo(s: ServerChild, body: Buffer, name: string) {
  const query = new URLSearchParams({ unitId: s.unitId, categoryId: s.categoryId });
  const res = await fetch(`${s.url}/api/imports?${query}`, {
    method: 'POST',
    headers: {
      cookie: s.editor.cookie,
      'x-csrf-token': s.editor.csrf,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body: new Uint8Array(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let answer: Answer = null;
  try {
    answer = JSON.parse(text) as Answer;
  } catch {
    answer = { error: { code: `not_json: ${text.slice(0, 80)}` } };
  }
  return { status: res.status, body: answer };
}

/** Resident memory of a process in MB: now (VmRSS) and its peak since the last `resetPeak` (VmHWM). */
export function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Resets a process's peak resident size (Linux clear_refs 5), so VmHWM measures from now. */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
