import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api as routes } from '../../core/protocol/routes/index.js';
import { connectPlayer, pairScreen } from '../../server/test/harness.js';
import { Providers } from '../common/Providers.js';
import { startRealServer } from '../lib/realServer.js';
import { ProofOfPlayTab } from './ProofOfPlayTab.js';

let server: Awaited<ReturnType<typeof startRealServer>>;
beforeAll(async () => {
  server = await startRealServer();
  // Paired first: the harness signs in its own operator through the same fetch.
  const { token } = await pairScreen(server.t, '报表测试屏');
  const player = connectPlayer(server.t, token);
  // A day ago: inside the last 7 days whichever the timezone (the page picks dates in the browser's, the server reads them in the halls').
  const now = Date.now() - 86_400_000;
  const stored = await player.timeout(5000).emitWithAck('player:plays', [
    {
      id: 'report-test-play-1',
      itemId: 'clock',
      kind: 'clock',
      playlistId: 'p',
      startedAt: now - 9000,
      endedAt: now - 4000,
    },
  ]);
  expect(stored).toMatchObject({ ok: true, data: { stored: 1 } });
  player.close();
  await server.signIn('operator');
});
afterAll(async () => {
  cleanup();
  await server.close();
});

describe('ProofOfPlayTab against the real server', () => {
  it('reads each route once, links the export with the same query, keeps the rows while the next load', async () => {
    server.sent.length = 0;
    render(
      <Providers>
        <ProofOfPlayTab />
      </Providers>,
    );
    await screen.findByText('报表测试屏', {}, { timeout: 5000 });

    const from = dayjs().subtract(6, 'day').format('YYYY-MM-DD');
    const to = dayjs().format('YYYY-MM-DD');
    const query = `?by=screen&from=${from}&to=${to}`;
    expect(server.sent.map((r) => r.path).sort()).toEqual(
      [routes.campaigns.list.path, routes.halls.list.path, routes.reports.proofOfPlay.path + query].sort(),
    );
    expect(screen.getByTestId('pop-export').getAttribute('href')).toBe(
      routes.reports.proofOfPlayExport.path + query,
    );

    fireEvent.click(screen.getByText('按大厅'));
    // Still the screen's row: the previous answer stays on screen until the next arrives.
    expect(screen.getByText('报表测试屏')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('报表测试屏')).toBeNull());
    expect(server.sent.at(-1)?.path).toBe(`${routes.reports.proofOfPlay.path}?by=hall&from=${from}&to=${to}`);
  });
});
