import '../../lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Group, Hall, Role } from '../../../core/protocol/rest.js';
import { GroupsPage } from '../../groups/GroupsPage.js';
import { HallsPage } from '../../halls/HallsPage.js';
import { api } from '../../lib/api.js';
import { json, startTestServer } from '../../lib/testServer.js';
import { testSession, WithSession } from '../../lists/testSession.js';

const hall: Hall = {
  id: 'h1',
  name: '一号大厅',
  timezone: 'Asia/Shanghai',
  openingHours: [],
  repairWindowText: '',
  createdAt: Date.UTC(2026, 0, 1),
};
const group: Group = { id: 'g1', name: '一楼等候区', hallId: 'h1', defaultPlaylistId: null, screens: 2 };

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((req, res) => {
    if (req.method === 'GET' && req.url === '/api/halls') return json(res, 200, [hall]);
    if (req.method === 'GET' && req.url === '/api/groups') return json(res, 200, [group]);
    if (req.method === 'GET' && req.url === '/api/playlists') return json(res, 200, []);
    if (req.method === 'PUT' && req.url === '/api/halls/h1')
      return json(res, 200, { ...hall, ...(JSON.parse(req.body) as Partial<Hall>) });
    if (req.method === 'DELETE' && req.url === '/api/halls/h1')
      return json(res, 409, { error: { code: 'in_use', message: '仍有 2 块屏幕属于该大厅' } });
    json(res, 404, { error: { code: 'not_found', message: '不存在' } });
  });
  api.baseUrl = server.url;
});
afterAll(async () => {
  api.baseUrl = '';
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});
afterEach(cleanup);

const renderAs = (role: Role, page = <HallsPage />) =>
  render(<WithSession session={testSession(role)}>{page}</WithSession>);
/** 大厅 and 屏幕分组 side by side, as two pages visited in turn share one cache. */
async function renderBothPages() {
  renderAs(
    'sysadmin',
    <>
      <HallsPage />
      <GroupsPage />
    </>,
  );
  await screen.findByText('一楼等候区');
}
const hallGets = () => server.requests.filter((r) => r.method === 'GET' && r.url === '/api/halls');

describe('ResourceTable (大厅)', () => {
  it('shows the rows to every role, but create and the row actions only to system admins', async () => {
    renderAs('operator');
    expect(await screen.findByText('一号大厅')).toBeTruthy();
    expect(screen.queryByTestId('hall-create')).toBeNull();
    expect(screen.queryByText('操作')).toBeNull();
    cleanup();
    renderAs('sysadmin');
    expect(await screen.findByText('一号大厅')).toBeTruthy();
    expect(screen.getByTestId('hall-create').textContent).toContain('新建大厅');
    expect(screen.getByText('操作')).toBeTruthy();
  });

  it("shows the server's reason in a dialog when a hall in use cannot be deleted, and keeps the row", async () => {
    renderAs('sysadmin');
    await screen.findByText('一号大厅');
    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    expect(await screen.findByText('删除大厅「一号大厅」？')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: '删除' }).at(-1) as HTMLElement);
    const refusal = await waitFor(() => {
      const found = document.querySelector('.ant-modal-confirm');
      if (!found) throw new Error('no refusal dialog');
      return found;
    });
    expect(refusal.querySelector('.ant-modal-confirm-title')?.textContent).toBe('无法删除该大厅');
    expect(refusal.querySelector('.ant-modal-confirm-content')?.textContent).toBe('仍有 2 块屏幕属于该大厅');
    expect(screen.getByText('一号大厅')).toBeTruthy();
  });

  it('shares one halls query between pages: 大厅 and 屏幕分组 together make one GET', async () => {
    await renderBothPages();
    await waitFor(() => expect(screen.getAllByText('一号大厅')).toHaveLength(2));
    expect(hallGets()).toHaveLength(1);
  });

  it('after a rename refetches the halls once (the invalidation) and not the groups', async () => {
    await renderBothPages();
    const groupGets = () => server.requests.filter((r) => r.method === 'GET' && r.url === '/api/groups');
    expect(hallGets()).toHaveLength(1);
    expect(groupGets()).toHaveLength(1);
    // The first 编辑 is the hall's (大厅 renders first).
    fireEvent.click(screen.getAllByRole('button', { name: '编辑' })[0] as HTMLElement);
    fireEvent.change(await screen.findByTestId('hall-name-input'), { target: { value: '二号大厅' } });
    fireEvent.click(screen.getByTestId('hall-submit'));
    await waitFor(() => expect(screen.getAllByText('二号大厅')).toHaveLength(2));
    await waitFor(() => expect(hallGets()).toHaveLength(2));
    expect(groupGets()).toHaveLength(1);
  });
});
