import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MediaUploaded } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { api } from '../lib/api.js';
import { call, hrefOf } from '../lib/client.js';
import { startRealServer } from '../lib/realServer.js';
import { testSession, WithSession } from '../lists/testSession.js';
import { MediaPage } from './MediaPage.js';

// A 1×1 PNG: the server types a file by its bytes, so it must be a real one.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

let server: Awaited<ReturnType<typeof startRealServer>>;
beforeAll(async () => {
  server = await startRealServer();
  await server.signIn('publicity');
});
afterAll(() => server.close());
afterEach(cleanup);

const renderPage = () =>
  render(
    <WithSession session={testSession('publicity')}>
      <MediaPage />
    </WithSession>,
  );
/** The library's card of a file, once it is shown. */
const card = (name: string) =>
  waitFor(() => {
    const found = screen.getAllByTitle(name).find((el) => el.closest('.ant-card'));
    if (!found) throw new Error(`no card of ${name}`);
    return found.closest('.ant-card') as HTMLElement;
  });

/**
 * Uploads the file by fetch, through the test's cookie jar: the page's own upload goes by
 * XMLHttpRequest, which jsdom sends itself, without that jar, so it cannot reach the real server here.
 */
async function uploadRaw(name: string) {
  const res = await fetch(server.t.url + hrefOf(routes.media.upload, { query: { name } }), {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-csrf-token': api.currentSession?.csrfToken ?? '',
    },
    body: PNG,
  });
  if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as MediaUploaded).media;
}

describe('媒体库 (against the real server)', () => {
  it("keeps a file in use and shows the server's message, which names the item using it", async () => {
    const poster = await uploadRaw('大厅海报.png');
    await call(routes.items.create, {
      body: { kind: 'image', name: '一楼海报', durationMs: 15_000, media: poster.hash, fit: 'contain' },
    });
    renderPage();
    const shown = await card('大厅海报.png');
    await within(shown).findByText(/用于：一楼海报/);
    fireEvent.click(within(shown).getByRole('button', { name: /删除/ }));
    fireEvent.click(await screen.findByRole('button', { name: '删除', hidden: false }));
    const refusal = await waitFor(() => {
      const found = document.querySelector('.ant-modal-confirm');
      if (!found) throw new Error('no refusal dialog');
      return found;
    });
    expect(refusal.querySelector('.ant-modal-confirm-title')?.textContent).toBe('无法删除该文件');
    expect(refusal.querySelector('.ant-modal-confirm-content')?.textContent).toContain('一楼海报');
    expect(await card('大厅海报.png')).toBeTruthy();
  });
});
