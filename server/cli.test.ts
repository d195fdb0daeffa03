import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../core/credit/index.js';
import { openDb } from './store/db.js';
import { csv, orgRow, personRow } from './test/creditFixtures.js';
import { startTestServer } from './test/harness.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'hallcast.js');

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

  it('backs up and restores a data dir, and refuses to restore over one that is not empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallcast-cli-'));
    expect((await hallcast(dir, 'user', 'add', 'zhaoliu', '--role', 'operator')).code).toBe(0);
    const backupDir = join(mkdtempSync(join(tmpdir(), 'hallcast-cli-bk-')), 'b');
    const b = await hallcast(dir, 'backup', backupDir);
    expect(b.code, b.err).toBe(0);
    expect(b.out).toMatch(/已备份到 .*：\d+ 个文件.*未加密/);
    const target = join(mkdtempSync(join(tmpdir(), 'hallcast-cli-rs-')), 'data');
    const r = await hallcast(target, 'restore', backupDir);
    expect(r.code, r.err).toBe(0);
    expect((await hallcast(target, 'user', 'list')).out).toContain('zhaoliu');
    const over = await hallcast(dir, 'restore', backupDir);
    expect(over.code).toBe(1);
    expect(over.err.trim()).toMatch(/不是空的/);
  }, 60_000);

  it('doctor prints a line a check and exits 1 when one fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallcast-cli-'));
    const r = await run(process.execPath, [BIN, 'doctor'], {
      env: { ...process.env, HALLCAST_DATA_DIR: dir, HALLCAST_PUBLIC_URL: 'http://127.0.0.1:1' },
    }).then(
      () => ({ code: 0, out: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^✓ 数据目录可写/m);
    expect(r.out).toMatch(/^✗ 公开地址无法访问：http:\/\/127\.0\.0\.1:1\/api\/health/m);
    expect(r.out).toMatch(/项检查未通过/);
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

describe('hallcast import', () => {
  it('prints one JSON line per data row with the sheet row number, never a full ID, and writes a draft batch', async () => {
    const t = await startTestServer();
    await t.hc.stop();
    const id = makeResidentId('231102', '1966-06-06', '661');
    const good = orgRow()[2]!;
    const file = join(t.dataDir, 'q4.csv');
    writeFileSync(
      file,
      csv([
        orgRow(),
        personRow(id),
        orgRow({ '统一社会信用代码/证件号码': good.slice(0, 17) + (good[17] === '0' ? '1' : '0') }),
        orgRow({ 决定书文号: '' }),
      ]),
    );
    const args = [
      'import',
      file,
      '--unit',
      '市市场监管局',
      '--list',
      'black',
      '--category',
      '失信被执行人',
      '--json',
      '--as',
      'editor',
    ];
    const dry = await hallcast(t.dataDir, ...args, '--dry-run');
    expect(dry.code).toBe(0);
    const lines = dry.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.row)).toEqual([2, 3, 4, 5]);
    expect(lines.map((l) => l.status)).toEqual(['ok', 'ok', 'error', 'error']);
    expect(lines[2].errors[0]).toMatchObject({
      column: '统一社会信用代码/证件号码',
      field: 'code',
      code: 'code_anomaly',
    });
    expect(lines[3].errors[0]).toMatchObject({ field: 'docNo', code: 'required' });
    expect(dry.out + dry.err).not.toContain(id);
    // The importer is named, and must be a list editor.
    const anonymous = await hallcast(t.dataDir, ...args.slice(0, -2));
    expect(anonymous.code).toBe(1);
    expect(anonymous.err).toContain('请用 --as 指定导入人');
    const wrong = await hallcast(t.dataDir, ...args.slice(0, -1), 'sysadmin');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('--as 须为启用的名单编辑（editor）');
    const real = await hallcast(t.dataDir, ...args);
    expect(real.code).toBe(0);
    const db = openDb(join(t.dataDir, 'hallcast.db'));
    const batch = db.prepare('SELECT created_by FROM batches ORDER BY created_at DESC LIMIT 1').get() as {
      created_by: string;
    };
    const editor = db.prepare("SELECT id FROM users WHERE username = 'editor'").get() as { id: string };
    db.close();
    expect(batch.created_by).toBe(editor.id);
    const list = await hallcast(
      t.dataDir,
      'import',
      file,
      '--unit',
      '不存在的单位',
      '--list',
      'black',
      '--category',
      '失信被执行人',
      '--as',
      'editor',
    );
    expect(list.code).toBe(1);
    expect(list.err).toContain('成员单位「不存在的单位」不存在');
  }, 90_000);
});
