import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'hallcast.js');

async function hallcast(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, HALLCAST_DATA_DIR: dataDir },
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe('hallcast CLI', () => {
  it('adds, lists and resets users, and verifies the audit chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallcast-cli-'));
    const add = await hallcast(dir, 'user', 'add', 'wangwu', '--role', 'reviewer', '--name', '王五');
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/临时密码：\S{10,}/);
    const list = await hallcast(dir, 'user', 'list');
    expect(list.out).toMatch(/wangwu\s+reviewer\s+正常\s+王五/);
    const passwd = await hallcast(dir, 'user', 'passwd', 'wangwu');
    expect(passwd.out).toMatch(/临时密码/);
    const verify = await hallcast(dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/审计日志完整：2 条记录/);
  }, 60_000);

  it('refuses an unknown role and an unknown user with one clear line and exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallcast-cli-'));
    const bad = await hallcast(dir, 'user', 'add', 'x', '--role', 'boss');
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toMatch(/^请用 --role 指定角色/);
    const missing = await hallcast(dir, 'user', 'passwd', 'nobody');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('不存在');
  }, 60_000);
});
