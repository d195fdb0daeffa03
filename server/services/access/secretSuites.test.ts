import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../../core/credit/index.js';
import type { ManifestUpdated } from '../../../core/protocol/events.js';
import {
  Client,
  connectPlayer,
  loginAs,
  pairScreen,
  startTestServer,
  type TestServer,
  until,
} from '../../test/harness.js';

let t: TestServer | undefined;
afterAll(() => t?.close());

const sm3 = (s: string) => `sm3:${createHash('sm3').update(s).digest('hex')}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const withdrawal = {
  code: makeResidentId('231102', '1966-06-06', '606'),
  kind: 'repair',
  reason: '平台推送信用修复',
  docNo: 'PT-9',
};

describe('stored secret hashes across a switch of HALLCAST_CRYPTO', () => {
  it('keeps paired screens, the platform key and open sessions working, rehashing the long-lived ones in SM3', async () => {
    const first = await startTestServer();
    const { dataDir } = first;
    const { token, screenId } = await pairScreen(first, '切换前配对的屏');
    const keyResp = await (await loginAs(first, 'secadmin')).request('POST', '/api/api-keys', {
      name: '省信用平台',
      scopes: ['withdraw'],
    });
    const secret = keyResp.body.secret as string;
    const editor = await loginAs(first, 'list-editor');
    const tokenHashOf = (s: TestServer) =>
      (s.hc.db.prepare('SELECT token_hash AS h FROM screens WHERE id = ?').get(screenId) as { h: string }).h;
    const keyHashOf = (s: TestServer) =>
      (
        s.hc.db.prepare('SELECT key_hash AS h FROM api_keys WHERE id = ?').get(keyResp.body.key.id) as {
          h: string;
        }
      ).h;
    expect(tokenHashOf(first)).toBe(sha256(token));
    expect(keyHashOf(first)).toBe(sha256(secret));
    await first.hc.stop();

    t = await startTestServer({ dataDir, crypto: 'gm' });
    // The session opened before the switch is still signed in, under its old hash (same cookie,
    // the restarted server's port).
    const sameBrowser = Object.assign(new Client(t.url), { cookie: editor.cookie, csrf: editor.csrf });
    expect((await sameBrowser.request('GET', '/api/auth/session')).status).toBe(200);
    // A new sign-in is hashed in SM3.
    const after = await loginAs(t, 'reviewer');
    const cookie = after.cookie.split('=')[1]!;
    expect(t.hc.db.prepare('SELECT 1 FROM sessions WHERE id_hash = ?').get(sm3(cookie))).toBeTruthy();

    // The screen paired before connects with its token, which is rehashed on that use.
    const player = connectPlayer(t, token);
    const manifests: ManifestUpdated[] = [];
    player.on('manifest:updated', (m) => manifests.push(m));
    await until(() => manifests.length > 0);
    player.close();
    expect(tokenHashOf(t)).toBe(sm3(token));
    // …and still connects once rehashed (found by the SM3 form first now).
    const again = connectPlayer(t, token);
    const more: ManifestUpdated[] = [];
    again.on('manifest:updated', (m) => more.push(m));
    await until(() => more.length > 0);
    again.close();

    // The platform's key: accepted (the code is simply unknown), then rehashed.
    const platform = (auth: string) =>
      new Client(t!.url).request('POST', '/api/platform/withdrawals', withdrawal, { authorization: auth });
    const before = await platform(`Bearer ${secret}`);
    expect(before.status).toBe(404);
    expect(before.body.error.code).toBe('code_unknown');
    expect(keyHashOf(t)).toBe(sm3(secret));
    expect((await platform(`Bearer ${secret}`)).body.error.code).toBe('code_unknown');
    expect((await platform('Bearer hck_wrong')).status).toBe(401);

    // A device that registers now keeps its secret as an SM3 hash.
    const reg = await new Client(t.url).request('POST', '/api/pair/register', {
      deviceSecret: 'd'.repeat(64),
      canvas: { width: 1920, height: 1080 },
      version: 'test',
    });
    expect(reg.status).toBe(200);
    const row = t.hc.db
      .prepare('SELECT secret_hash AS h FROM pairing_codes WHERE code = ?')
      .get(reg.body.code) as {
      h: string;
    };
    expect(row.h).toBe(sm3('d'.repeat(64)));
    const poll = await new Client(t.url).request('POST', '/api/pair/poll', {
      code: reg.body.code,
      deviceSecret: 'd'.repeat(64),
    });
    expect(poll.body.status).toBe('pending');
  });
});
