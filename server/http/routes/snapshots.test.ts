import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, pairScreen, startTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
let device: { token: string; screenId: string };
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(2000, 7),
  Buffer.from([0xff, 0xd9]),
]);

const upload = (body: Buffer, token = device.token) =>
  fetch(`${t.url}/api/player/snapshot`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
    body: new Uint8Array(body),
  });

beforeAll(async () => {
  t = await startTestServer({ maxSnapshotBytes: 64 * 1024 });
  device = await pairScreen(t, '截屏测试屏');
});
afterAll(async () => {
  await t.close();
});

describe('snapshot routes', () => {
  it('take an upload only from a paired screen, and only an image', async () => {
    expect((await upload(JPEG, 'b'.repeat(64))).status).toBe(401);
    const notImage = await upload(Buffer.from('<html>not a picture</html>'));
    expect(notImage.status).toBe(415);
    expect((await notImage.json()).error.code).toBe('not_an_image');
  });

  it('keep the latest screenshot per screen for the admin, never for anonymous callers', async () => {
    const res = await upload(JPEG);
    expect(res.status).toBe(201);
    const meta = await res.json();
    expect(meta).toMatchObject({ screenId: device.screenId, mime: 'image/jpeg', bytes: JPEG.length });
    expect(meta.url).toBe(`/api/screens/${device.screenId}/snapshot`);
    expect((await fetch(`${t.url}${meta.url}`)).status).toBe(401);
    const operator = await loginAs(t, 'operator');
    const img = await fetch(`${t.url}${meta.url}`, { headers: { cookie: operator.cookie } });
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await img.arrayBuffer()).equals(JPEG)).toBe(true);
    const own = await fetch(`${t.url}/api/player/snapshot`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect((await own.json()).snapshot).toMatchObject({ bytes: JPEG.length });
    const none = await fetch(`${t.url}/api/screens/00000000-0000-0000-0000-000000000000/snapshot`, {
      headers: { cookie: operator.cookie },
    });
    expect(none.status).toBe(404);
  });

  it('refuse a screenshot over the configured size with a clear error, keeping the last one', async () => {
    const before = await upload(JPEG);
    expect(before.status).toBe(201);
    const huge = Buffer.concat([JPEG.subarray(0, 4), Buffer.alloc(80 * 1024, 1)]);
    const res = await upload(huge);
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe('body_too_large');
    expect(body.error.message).toContain('HALLCAST_MAX_SNAPSHOT_BYTES');
    const operator = await loginAs(t, 'operator');
    const img = await fetch(`${t.url}/api/screens/${device.screenId}/snapshot`, {
      headers: { cookie: operator.cookie },
    });
    expect(Buffer.from(await img.arrayBuffer()).equals(JPEG)).toBe(true);
  });
});
