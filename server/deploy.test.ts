import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selfSignedCert } from './test/tlsFixtures.js';

// The deployment files are checked by the tools that will read them. On a developer's machine
// without those tools the checks skip; under CI (CI=true, which installs nginx-light and systemd)
// a missing tool fails the test instead.
const ROOT = join(import.meta.dirname, '..');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const need = (cmd: string) => {
  if (has(cmd)) return true;
  if (process.env.CI === 'true')
    throw new Error(`${cmd} is missing: .ci/run installs it (apt-get install nginx-light systemd)`);
  return false;
};
const dir = mkdtempSync(join(tmpdir(), 'hallcast-deploy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deployment files', () => {
  it('the systemd unit passes systemd-analyze verify and keeps its hardening', (ctx) => {
    if (!need('systemd-analyze')) return ctx.skip();
    const unit = readFileSync(join(ROOT, 'deploy', 'hallcast.service'), 'utf8');
    for (const line of [
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'ReadWritePaths=/var/lib/hallcast',
      'Restart=on-failure',
      'User=hallcast',
    ])
      expect(unit).toContain(line);
    // verify wants the ExecStart binary to exist: point it at this machine's node for the check.
    const file = join(dir, 'hallcast.service');
    writeFileSync(
      file,
      unit.replace(
        '/usr/bin/node /opt/hallcast/bin/hallcast.js',
        `${process.execPath} ${join(ROOT, 'bin', 'hallcast.js')}`,
      ),
    );
    const r = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    // Only lines about this unit count (a container's own units may warn about themselves).
    const ours = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.includes('hallcast.service'));
    expect(ours, ours.join('\n')).toEqual([]);
  });

  it('the nginx site passes nginx -t with its TLS, WebSocket and caching parts', (ctx) => {
    if (!need('nginx') || !need('openssl')) return ctx.skip();
    const site = readFileSync(join(ROOT, 'deploy', 'nginx-hallcast.conf'), 'utf8');
    for (const part of [
      'proxy_set_header Upgrade $http_upgrade',
      'location /socket.io/',
      'client_max_body_size',
      'location /media/',
      'immutable',
    ])
      expect(site).toContain(part);
    const tls = join(dir, 'tls');
    mkdirSync(tls);
    selfSignedCert(tls);
    writeFileSync(join(dir, 'site.conf'), site.replaceAll('/etc/hallcast/tls', tls));
    const types = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : '';
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')};\nevents {}\nhttp {\n  ${types}\n  access_log off;\n  include ${join(dir, 'site.conf')};\n}\n`,
    );
    const r = spawnSync('nginx', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('syntax is ok');
  });
});
