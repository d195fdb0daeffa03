import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer, type TestServer } from '../../test/harness.js';
import { mp4, upload } from '../../test/mediaFixtures.js';

let t: TestServer;
let hash: string;
let bytes: Buffer;

/** A raw GET, so nothing between the test and the server adds or strips a header. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(`${t.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  t = await startTestServer();
  bytes = mp4({ audio: 'mp4a', durationMs: 4_000 });
  const r = await upload(await loginAs(t, 'publicity'), bytes, 'clip.mp4');
  expect(r.status).toBe(201);
  hash = r.body.media.hash;
});
afterAll(async () => {
  await t.close();
});

describe('media by hash', () => {
  it('answers the whole file, immutable, with its hash as the ETag and ranges accepted', async () => {
    const r = await get(`/media/${hash}`);
    expect(r.status).toBe(200);
    expect(r.body.equals(bytes)).toBe(true);
    expect(r.headers['content-type']).toBe('video/mp4');
    expect(r.headers['content-length']).toBe(String(bytes.length));
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers.etag).toBe(`"${hash}"`);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const head = await get(`/media/${hash}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(bytes.length));
    expect(head.body.length).toBe(0);
  });

  it('answers a byte range, an open range and a suffix range with 206 and their Content-Range', async () => {
    const size = bytes.length;
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, size - 1],
      ['bytes=-50', size - 50, size - 1],
      [`bytes=10-${size + 1000}`, 10, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const r = await get(`/media/${hash}`, { range });
      expect(r.status, range).toBe(206);
      expect(r.headers['content-range'], range).toBe(`bytes ${start}-${end}/${size}`);
      expect(r.headers['content-length'], range).toBe(String(end - start + 1));
      expect(r.body.equals(bytes.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('never compresses a range, whatever the client accepts', async () => {
    const r = await get(`/media/${hash}`, {
      range: 'bytes=0-99',
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(r.status).toBe(206);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.length).toBe(100);
  });

  it('answers 416 with the size for a range past the end, in the error body', async () => {
    const r = await get(`/media/${hash}`, { range: `bytes=${bytes.length}-` });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe(`bytes */${bytes.length}`);
    expect(JSON.parse(r.body.toString()).error.code).toBe('range_not_satisfiable');
  });

  it('answers 304 to a revalidation, and the whole file when If-Range no longer matches', async () => {
    const fresh = await get(`/media/${hash}`, { 'if-none-match': `"${hash}"` });
    expect(fresh.status).toBe(304);
    expect(fresh.body.length).toBe(0);
    const stale = await get(`/media/${hash}`, { range: 'bytes=0-9', 'if-range': '"another"' });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(bytes.length);
  });

  it('refuses a name that is no hash, an unknown hash and a path that climbs out', async () => {
    for (const path of [
      '/media/not-a-hash',
      `/media/${'0'.repeat(64)}`,
      '/media/..%2F..%2Fpackage.json',
      '/media/%2e%2e%2fhallcast.db',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(JSON.parse(r.body.toString()).error.code, path).toBe('not_found');
    }
  });
});

describe('built assets and pages', () => {
  it('refuses an asset name that climbs out of the assets folder or is a dot file', async () => {
    for (const path of [
      '/assets/..%2F..%2Fpackage.json',
      '/assets/%2e%2e%2fadmin%2findex.html',
      '/assets/..%5Cpackage.json',
      '/assets/.env',
      '/assets/nothing-here.js',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(JSON.parse(r.body.toString()).error.code, path).toBe('not_found');
    }
  });
});
