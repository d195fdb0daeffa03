import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api as routes } from '../../core/protocol/routes/index.js';
import { call } from '../lib/client.js';
import { startRealServer } from '../lib/realServer.js';
import { disconnectAdminSocket } from '../lib/socket.js';
import { testSession, WithSession } from '../lists/testSession.js';
import { PreviewPage } from '../preview/PreviewPage.js';
import { ScreensPage } from '../screens/ScreensPage.js';
import { HallsPage } from './HallsPage.js';

let server: Awaited<ReturnType<typeof startRealServer>>;
let hallName = '';

/** A device registers for a code and the signed-in admin claims it into the demo hall and group. */
async function pairScreen(name: string) {
  const secret = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) =>
    b.toString(16).padStart(2, '0'),
  );
  const { code } = await call(routes.pairing.register, {
    body: { deviceSecret: secret.join(''), canvas: { width: 1920, height: 1080 }, version: 'test' },
  });
  const [hall] = await call(routes.halls.list);
  const [group] = await call(routes.groups.list);
  if (!hall || !group) throw new Error('the demo has no hall or group');
  await call(routes.screens.claim, {
    body: {
      code,
      name,
      hallId: hall.id,
      groupId: group.id,
      layout: 'landscape',
      canvas: { width: 1920, height: 1080 },
    },
  });
  return hall.name;
}

beforeAll(async () => {
  server = await startRealServer();
  await server.signIn('sysadmin');
  hallName = await pairScreen('一楼大屏');
});
afterAll(async () => {
  disconnectAdminSocket();
  await server.close();
});
afterEach(cleanup);

/** The requests sent since `from`, as `METHOD path` without the query. */
const since = (from: number) => server.sent.slice(from).map((r) => `${r.method} ${r.path.split('?')[0]}`);
const gets = (from: number, path: string) => since(from).filter((r) => r === `GET ${path}`).length;

/** One app: the pages replace one another under the same Providers, as the router's navigation does. */
function navigator() {
  const shell = (page: ReactNode) => <WithSession session={testSession('sysadmin')}>{page}</WithSession>;
  const { rerender } = render(shell(<HallsPage />));
  return (page: ReactNode) => rerender(shell(page));
}

// 大厅 renders first: with 屏幕 beside it, the first cell of that name is the hall's.
const hallRow = async (name: string) =>
  (await screen.findAllByText(name, { selector: '.ant-table-row td' }))[0] as HTMLElement;
const screenRow = async () => (await screen.findAllByTestId('screen-row'))[0] as HTMLElement;
const stage = () => screen.findByTestId('preview-stage');

/** 编辑 on the hall's row on 大厅, a new name, 保存. */
async function rename(from: string, to: string) {
  const cell = await hallRow(from);
  fireEvent.click(within(cell.closest('tr') as HTMLElement).getByRole('button', { name: '编辑' }));
  fireEvent.change(await screen.findByTestId('hall-name-input'), { target: { value: to } });
  fireEvent.click(screen.getByTestId('hall-submit'));
  await hallRow(to);
}

describe('one halls query for every page (against the real server)', () => {
  it('大厅 -> 屏幕 -> 预览 -> 大厅 gets the halls once; a rename refetches them once and shows on 屏幕 and 预览', async () => {
    const start = server.sent.length;
    const go = navigator();
    await hallRow(hallName);
    go(<ScreensPage />);
    await waitFor(async () => expect((await screenRow()).textContent).toContain(hallName));
    go(<PreviewPage />);
    await waitFor(async () => expect((await stage()).textContent).toContain(hallName));
    go(<HallsPage />);
    await hallRow(hallName);
    expect(gets(start, routes.halls.list.path)).toBe(1);

    const renamed = `${hallName}（新馆）`;
    const before = server.sent.length;
    await rename(hallName, renamed);
    // Only 大厅 is on screen: its halls refetch; the screens and previews are marked stale, not fetched.
    await waitFor(() => expect(gets(before, routes.halls.list.path)).toBe(1));
    expect(since(before).filter((r) => r.startsWith('GET'))).toEqual([`GET ${routes.halls.list.path}`]);

    go(<ScreensPage />);
    await waitFor(async () => expect((await screenRow()).textContent).toContain(renamed));
    go(<PreviewPage />);
    await waitFor(async () => expect((await stage()).textContent).toContain(renamed));
    expect(gets(before, routes.halls.list.path)).toBe(1);
    hallName = renamed;
  });

  it('with 大厅, 屏幕 and 预览 on screen together, a rename refetches the halls, screens and previews, not the groups', async () => {
    const start = server.sent.length;
    navigator()(
      <>
        <HallsPage />
        <ScreensPage />
        <PreviewPage />
      </>,
    );
    await hallRow(hallName);
    await waitFor(async () => expect((await stage()).textContent).toContain(hallName));
    expect(gets(start, routes.halls.list.path)).toBe(1);
    expect(gets(start, routes.groups.list.path)).toBe(1);

    const renamed = '黑河市政务服务大厅';
    const before = server.sent.length;
    await rename(hallName, renamed);
    await waitFor(async () => expect((await screenRow()).textContent).toContain(renamed));
    await waitFor(async () => expect((await stage()).textContent).toContain(renamed));
    const fetched = since(before).filter((r) => r.startsWith('GET'));
    expect(fetched.filter((r) => r === `GET ${routes.halls.list.path}`)).toHaveLength(1);
    expect(fetched.filter((r) => r === `GET ${routes.screens.list.path}`)).toHaveLength(1);
    // The instant and the week of the chosen screen.
    const preview = `GET ${routes.preview.get.path.replace(':screenId', '')}`;
    expect(fetched.filter((r) => r.startsWith(preview))).toHaveLength(2);
    expect(fetched.filter((r) => r === `GET ${routes.groups.list.path}`)).toHaveLength(0);
  });
});
