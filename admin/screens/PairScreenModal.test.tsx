import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Hall } from '../../core/protocol/rest.js';
import { Providers } from '../common/Providers.js';
import { api } from '../lib/api.js';
import { json, startTestServer } from '../lib/testServer.js';
import { PairScreenModal } from './PairScreenModal.js';

const HALL: Hall = {
  id: 'h1',
  name: '一楼大厅',
  timezone: 'Asia/Shanghai',
  openingHours: [],
  repairWindowText: '',
  createdAt: 0,
};

let answer: { status: number; code: string; message: string } = { status: 500, code: 'x', message: 'x' };
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((_req, res) =>
    json(res, answer.status, { error: { code: answer.code, message: answer.message } }),
  );
  api.baseUrl = server.url;
});
afterAll(async () => {
  api.baseUrl = '';
  await server.close();
});
afterEach(cleanup);

function renderPairing(halls: Hall[]) {
  const onPaired = vi.fn();
  render(
    <Providers>
      <PairScreenModal halls={halls} groups={[]} onClose={vi.fn()} onPaired={onPaired} />
    </Providers>,
  );
  return onPaired;
}

function fillAndSubmit() {
  fireEvent.change(screen.getByTestId('pair-code-input'), { target: { value: '7kq2-mx' } });
  fireEvent.change(screen.getByTestId('pair-name-input'), { target: { value: '一楼大厅主屏' } });
  fireEvent.click(screen.getByTestId('pair-submit'));
}

describe('PairScreenModal', { timeout: 20_000 }, () => {
  it('puts an expired code under the code field', async () => {
    answer = { status: 410, code: 'code_expired', message: '配对码已过期，请在屏幕上刷新' };
    const onPaired = renderPairing([HALL]);
    fillAndSubmit();
    const issue = await screen.findByText('配对码已过期，请在屏幕上刷新');
    expect(issue.closest('.ant-form-item')?.contains(screen.getByTestId('pair-code-input'))).toBe(true);
    expect(screen.queryByTestId('pair-error')).toBeNull();
    expect(JSON.parse(server.requests.at(-1)?.body ?? '{}')).toMatchObject({ code: '7KQ2MX', hallId: 'h1' });
    expect(onPaired).not.toHaveBeenCalled();
  });

  it('shows any other refusal above the form', async () => {
    answer = { status: 403, code: 'forbidden', message: '没有权限' };
    renderPairing([HALL]);
    fillAndSubmit();
    const error = await screen.findByTestId('pair-error');
    expect(error.textContent).toContain('没有权限');
  });

  it('cannot pair before there is a hall', async () => {
    const before = server.requests.length;
    renderPairing([]);
    expect(screen.getByText('还没有大厅：请先在「大厅」页面创建大厅（需系统管理员）')).toBeTruthy();
    expect((screen.getByTestId('pair-submit') as HTMLButtonElement).disabled).toBe(true);
    fillAndSubmit();
    await waitFor(() => expect(server.requests.length).toBe(before));
  });
});
