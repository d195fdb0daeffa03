import './testDom.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, api } from '../lib/api.js';
import { json, startTestServer } from '../lib/testServer.js';
import { testSession } from './testSession.js';
import { uploadFile } from './uploadFile.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'accept, x-file-name, x-csrf-token',
  'access-control-allow-methods': 'POST',
};

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    json(
      res,
      422,
      {
        error: {
          code: 'column_missing',
          message: '文件缺少必填列',
          issues: [{ path: '统一社会信用代码', message: '缺少必填列「统一社会信用代码」' }],
        },
      },
      cors,
    );
  });
  api.baseUrl = server.url;
  api.setSession(testSession('list-editor'));
});
afterAll(async () => {
  api.baseUrl = '';
  api.setSession(null);
  await server.close();
});

describe('uploadFile', () => {
  it('sends the raw file with its URI-encoded name and the CSRF token; a refusal becomes an ApiError', async () => {
    const file = new File(['名称,代码\n'], '2026年 名单.csv', { type: 'text/csv' });
    const upload = uploadFile('/api/imports?unitId=u1&categoryId=c1', file, () => {});
    const err = (await upload.promise.catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, code: 'column_missing', message: '文件缺少必填列' });
    expect(err.issues[0]?.message).toContain('统一社会信用代码');
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/api/imports?unitId=u1&categoryId=c1');
    expect(post?.headers['x-file-name']).toBe(encodeURIComponent('2026年 名单.csv'));
    expect(post?.headers['x-csrf-token']).toBe('csrf-test');
    expect(post?.body).toBe('名称,代码\n');
  });
});
