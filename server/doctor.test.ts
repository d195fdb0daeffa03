import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { type Config, loadConfig } from './config.js';
import { type DoctorProbes, runDoctor } from './doctor.js';
import { startTestServer } from './test/harness.js';
import { selfSignedCert } from './test/tlsFixtures.js';

const root = mkdtempSync(join(tmpdir(), 'hallcast-doctor-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 11, 4, 2, 0, 0);

/** A machine where every check passes; each test breaks one part of it. */
const healthy: DoctorProbes = {
  freeBytes: () => 100 * 1024 ** 3,
  clockSynchronised: () => true,
  get: async () => ({ status: 200 }),
  chromium: () => '/usr/bin/chromium',
};
function setup(over: Partial<Config> = {}) {
  const dataDir = mkdtempSync(join(root, 'data-'));
  const backupDir = mkdtempSync(join(root, 'backups-'));
  mkdirSync(join(backupDir, 'hallcast-20261204-095000'));
  writeFileSync(
    join(backupDir, 'hallcast-20261204-095000', 'manifest.json'),
    JSON.stringify({ createdAt: NOW - 600_000 }),
  );
  return loadConfig({}, { dataDir, backupDir, publicUrl: 'https://hallcast.example.gov.cn', ...over });
}
const run = (config: Config, probes: Partial<DoctorProbes> = {}, kiosk = true) =>
  runDoctor({ config, clock: new ManualClock(NOW), probes: { ...healthy, ...probes }, kiosk });
const verdicts = (rs: { name: string; verdict: string }[]) =>
  Object.fromEntries(rs.map((r) => [r.name, r.verdict]));
const lineOf = (rs: { name: string; line: string }[], name: string) => rs.find((r) => r.name === name)!.line;

describe('hallcast doctor', () => {
  it('passes every check on a healthy deployment', async () => {
    const rs = await run(setup());
    expect(verdicts(rs)).toEqual({
      'data-dir': 'ok',
      disk: 'ok',
      clock: 'ok',
      tls: 'ok',
      'public-url': 'ok',
      backup: 'ok',
      chromium: 'ok',
    });
  });

  it('fails each check with a line saying what to do', async () => {
    const notDir = join(root, 'a-file');
    writeFileSync(notDir, '');
    const unwritable = await run(setup({ dataDir: join(notDir, 'data') }));
    expect(verdicts(unwritable)['data-dir']).toBe('fail');
    expect(lineOf(unwritable, 'data-dir')).toContain('请检查路径与属主');

    const full = await run(setup(), { freeBytes: () => 100 * 1024 * 1024 });
    expect(verdicts(full).disk).toBe('fail');
    expect(lineOf(full, 'disk')).toContain('请清理或扩容');

    const drifting = await run(setup(), { clockSynchronised: () => false });
    expect(verdicts(drifting).clock).toBe('fail');
    expect(lineOf(drifting, 'clock')).toContain('timedatectl set-ntp true');
    // Unknown is a warning, not a failure.
    expect(verdicts(await run(setup(), { clockSynchronised: () => null })).clock).toBe('warn');

    const down = await run(setup(), { get: async () => ({ error: 'ECONNREFUSED' }) });
    expect(verdicts(down)['public-url']).toBe('fail');
    expect(lineOf(down, 'public-url')).toContain('ECONNREFUSED');

    const stale = setup();
    const old = await runDoctor({
      config: stale,
      clock: new ManualClock(NOW + 3 * 86_400_000),
      probes: healthy,
    });
    expect(verdicts(old).backup).toBe('fail');
    expect(lineOf(old, 'backup')).toContain('两个备份间隔');
    const empty = await run(setup({ backupDir: mkdtempSync(join(root, 'none-')) }));
    expect(verdicts(empty).backup).toBe('fail');

    const noChromium = await run(setup(), { chromium: () => null });
    expect(verdicts(noChromium).chromium).toBe('fail');
    expect(lineOf(noChromium, 'chromium')).toContain('apt-get install chromium');
  });

  it('reads the TLS certificate: expiring soon warns, expired or unreadable fails', async () => {
    const tls = mkdtempSync(join(root, 'tls-'));
    const { cert, key } = selfSignedCert(tls, 10);
    const config = setup({ tlsCert: cert, tlsKey: key });
    const at = (ms: number) => runDoctor({ config, clock: new ManualClock(ms), probes: healthy });
    expect(verdicts(await at(Date.now())).tls).toBe('warn');
    expect(verdicts(await at(Date.now() + 11 * 86_400_000)).tls).toBe('fail');
    writeFileSync(cert, 'not a certificate');
    const broken = await at(Date.now());
    expect(verdicts(broken).tls).toBe('fail');
    expect(lineOf(broken, 'tls')).toContain('HALLCAST_TLS_CERT');
  });

  it('asks the real public URL and the real file system', async () => {
    const t = await startTestServer();
    try {
      const rs = await runDoctor({
        config: { ...(t.hc.services.clock && setup()), publicUrl: t.url, dataDir: t.dataDir },
        clock: new ManualClock(NOW),
      });
      expect(verdicts(rs)['public-url']).toBe('ok');
      expect(verdicts(rs)['data-dir']).toBe('ok');
      expect(['ok', 'warn']).toContain(verdicts(rs).disk);
    } finally {
      await t.close();
    }
  });
});
