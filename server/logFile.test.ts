import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from './clock.js';
import { loadConfig } from './config.js';
import { LOG_FILE, logFiles, openLogFile } from './logFile.js';
import { readAnchors } from './services/shared/auditAnchors.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'hallcast-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
// SonicBoom's flush() does not wait for the write: wait for the line in the file instead.
const written = (file: string, text: string) =>
  vi.waitFor(() => expect(existsSync(file) && readFileSync(file, 'utf8')).toContain(text));
// 2026-12-03 23:59:00 in Asia/Shanghai (UTC+8).
const BEFORE_MIDNIGHT = Date.UTC(2026, 11, 3, 15, 59);

describe('the server log file', () => {
  it('renames the day at midnight in Asia/Shanghai and goes on in a new hallcast.log', async () => {
    const dir = tmp();
    const clock = new ManualClock(BEFORE_MIDNIGHT);
    const dest = openLogFile({ dir, clock, retentionDays: 184 });
    const log = pino({ base: null }, dest);
    log.info({ auditHead: 'a'.repeat(64) }, 'first day');
    await written(join(dir, LOG_FILE), 'first day');
    clock.advance(60_000);
    log.info({ auditHead: 'b'.repeat(64) }, 'second day');
    await dest.close();
    expect(readdirSync(dir).sort()).toEqual(['hallcast-2026-12-03.log', LOG_FILE]);
    expect(readFileSync(join(dir, 'hallcast-2026-12-03.log'), 'utf8')).toContain('first day');
    const current = readFileSync(join(dir, LOG_FILE), 'utf8');
    expect(current).toContain('second day');
    expect(current).not.toContain('first day');
    // The audit anchors are read across the days, oldest first.
    expect(readAnchors(logFiles(dir)).map((a) => a.head[0])).toEqual(['a', 'b']);
  });

  it('starts another file of the same day when one grows past HALLCAST_LOG_MAX_BYTES', async () => {
    const dir = tmp();
    const clock = new ManualClock(BEFORE_MIDNIGHT - 3_600_000);
    const dest = openLogFile({ dir, clock, retentionDays: 184, maxBytes: 2_000 });
    const log = pino({ base: null }, dest);
    for (let i = 0; i < 60; i++) log.info({ i, pad: 'x'.repeat(80) }, 'line');
    await dest.close();
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThan(2);
    expect(files).toContain('hallcast-2026-12-03.log');
    expect(files).toContain('hallcast-2026-12-03.1.log');
    expect(files).toContain(LOG_FILE);
    // Every line is in exactly one file, none over the limit by more than a line.
    const lines = files.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
    expect(lines).toHaveLength(60);
    for (const f of files) expect(readFileSync(join(dir, f)).length).toBeLessThan(2_000 + 200);
  });

  it('keeps rotated days for the retention and deletes older ones', async () => {
    const dir = tmp();
    for (const day of ['2026-05-01', '2026-06-01', '2026-06-02', '2026-11-30'])
      writeFileSync(join(dir, `hallcast-${day}.log`), '{}\n');
    writeFileSync(join(dir, 'other.txt'), 'not a log');
    const clock = new ManualClock(BEFORE_MIDNIGHT);
    const dest = openLogFile({ dir, clock, retentionDays: 184 });
    // 2026-12-03 minus 184 days is 2026-06-02: that day stays, the ones before go.
    expect(readdirSync(dir).sort()).toEqual([
      'hallcast-2026-06-02.log',
      'hallcast-2026-11-30.log',
      LOG_FILE,
      'other.txt',
    ]);
    const log = pino({}, dest);
    clock.advance(24 * 3600_000);
    log.info('two days later');
    await written(join(dir, LOG_FILE), 'two days later');
    expect(existsSync(join(dir, 'hallcast-2026-06-02.log'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([
      'hallcast-2026-11-30.log',
      'hallcast-2026-12-03.log',
      LOG_FILE,
      'other.txt',
    ]);
    await dest.close();
  });

  it('refuses a retention under six months with a clear message', () => {
    expect(() => loadConfig({ HALLCAST_LOG_RETENTION_DAYS: '90' })).toThrow(
      /HALLCAST_LOG_RETENTION_DAYS: 日志至少保留 184 天/,
    );
    expect(loadConfig({}).logRetentionDays).toBe(184);
    expect(loadConfig({ HALLCAST_LOG_RETENTION_DAYS: '400' }).logRetentionDays).toBe(400);
  });
});
