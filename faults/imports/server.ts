/**
 * A HallCast server in its own process for the import fault suite, so its memory can be measured
 * alone (/proc/<pid>/status). Prints one JSON line `{ url, logins, unitId, categoryId }`, then
 * answers lines on stdin: `counts` -> `{ batches, entries, audit }`, `stop` -> exits.
 */
import { createInterface } from 'node:readline';
import pino from 'pino';
import { loadConfig } from '../../server/config.js';
import { startHallcast } from '../../server/main.js';

const config = loadConfig(process.env, { port: 0, host: '127.0.0.1', demo: true, logLevel: 'silent' });
const hc = await startHallcast({ config, log: pino({ level: 'silent' }) });
const credit = hc.stores.credit;
const category = credit.listCategories().find((c) => c.name === '严重违法失信企业');
const count = (table: string) =>
  (hc.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const say = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);

say({ url: hc.url, logins: hc.demoLogins, unitId: credit.listUnits()[0]?.id, categoryId: category?.id });
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'counts')
    say({ batches: count('batches'), entries: count('entries'), audit: count('audit_log') });
  if (line === 'stop') {
    await hc.stop();
    process.exit(0);
  }
}
