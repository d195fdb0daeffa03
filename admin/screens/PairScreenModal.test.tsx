import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScreenStatus } from '../../core/protocol/events.js';
import type { Group, Hall } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { Providers } from '../common/Providers.js';
import { call } from '../lib/client.js';
import { startRealServer } from '../lib/realServer.js';
import { PairScreenModal } from './PairScreenModal.js';

let server: Awaited<ReturnType<typeof startRealServer>>;
let halls: Hall[] = [];
let groups: Group[] = [];
beforeAll(async () => {
  server = await startRealServer();
  await server.signIn('operator');
  halls = await call(routes.halls.list);
  groups = await call(routes.groups.list);
});
afterAll(() => server.close());
afterEach(cleanup);

function renderPairing(withHalls: Hall[]) {
  const onPaired = vi.fn<(screen: ScreenStatus) => void>();
  render(
    <Providers>
      <PairScreenModal halls={withHalls} groups={groups} onClose={vi.fn()} onPaired={onPaired} />
    </Providers>,
  );
  return onPaired;
}

function fillAndSubmit(code: string) {
  fireEvent.change(screen.getByTestId('pair-code-input'), { target: { value: code } });
  fireEvent.change(screen.getByTestId('pair-name-input'), { target: { value: '一楼大厅主屏' } });
  fireEvent.click(screen.getByTestId('pair-submit'));
}

/** A code a new device shows: registered with the server, not yet claimed. */
async function registeredCode() {
  const secret = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) =>
    b.toString(16).padStart(2, '0'),
  );
  const { code } = await call(routes.pairing.register, {
    body: { deviceSecret: secret.join(''), canvas: { width: 1920, height: 1080 }, version: 'test' },
  });
  return code;
}

describe('PairScreenModal (against the real server)', { timeout: 20_000 }, () => {
  it('pairs the code a device shows, upper-cased as typed, into the only hall', async () => {
    const code = await registeredCode();
    const onPaired = renderPairing(halls);
    fillAndSubmit(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`);
    await waitFor(() => expect(onPaired).toHaveBeenCalledOnce());
    expect(onPaired.mock.calls[0]?.[0]).toMatchObject({ name: '一楼大厅主屏', hallName: halls[0]?.name });
  });

  it("puts an unknown code's message under the code field and keeps what was typed", async () => {
    const onPaired = renderPairing(halls);
    fillAndSubmit('7kq2-mx');
    const issue = await screen.findByText(/7KQ2MX/);
    expect(issue.closest('.ant-form-item')?.contains(screen.getByTestId('pair-code-input'))).toBe(true);
    expect(screen.queryByTestId('pair-error')).toBeNull();
    expect((screen.getByTestId('pair-name-input') as HTMLInputElement).value).toBe('一楼大厅主屏');
    expect(server.sent.at(-1)).toEqual({ method: 'POST', path: routes.screens.claim.path });
    expect(onPaired).not.toHaveBeenCalled();
  });

  it("shows any other refusal above the form, in the server's words", async () => {
    await server.signIn('publicity');
    const refusal = await call(routes.screens.claim, {
      body: {
        code: 'AAAAAA',
        name: 'x',
        hallId: halls[0]?.id ?? '',
        groupId: null,
        layout: 'landscape',
        canvas: { width: 1920, height: 1080 },
      },
    }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(refusal).not.toBe('');
    try {
      renderPairing(halls);
      fillAndSubmit(await registeredCode());
      const error = await screen.findByTestId('pair-error');
      expect(error.textContent).toContain(refusal);
    } finally {
      await server.signIn('operator');
    }
  });

  it('cannot pair before there is a hall', async () => {
    const before = server.sent.length;
    renderPairing([]);
    expect(screen.getByText('还没有大厅：请先在「大厅」页面创建大厅（需系统管理员）')).toBeTruthy();
    expect((screen.getByTestId('pair-submit') as HTMLButtonElement).disabled).toBe(true);
    fillAndSubmit('7KQ2MX');
    await new Promise((r) => setTimeout(r, 200));
    expect(server.sent.length).toBe(before);
  });
});
