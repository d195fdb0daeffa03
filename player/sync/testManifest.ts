import type { Item, Manifest } from '../../core/manifest/types.js';

const H = 3_600_000;

/** A small valid manifest: a red and a black board in the lists playlist, a notice and an image by default. */
export function manifestFixture(over: Partial<Manifest> = {}): Manifest {
  const items: Item[] = [
    {
      id: 'red',
      name: '红榜',
      kind: 'list-board',
      durationMs: 10_000,
      selector: { listType: 'red', categoryIds: 'all' },
      mode: 'paged',
      rowsPerPage: 10,
      dwellSec: 10,
      fields: ['name', 'code'],
    },
    {
      id: 'black',
      name: '黑榜',
      kind: 'list-board',
      durationMs: 10_000,
      selector: { listType: 'black', categoryIds: ['court'] },
      mode: 'paged',
      rowsPerPage: 10,
      dwellSec: 10,
      fields: ['name', 'code'],
    },
    {
      id: 'notice',
      name: '公告',
      kind: 'notice',
      durationMs: 10_000,
      title: '诚信',
      body: '守信',
      style: 'integrity',
    },
    { id: 'image', name: '海报', kind: 'image', durationMs: 10_000, media: 'f'.repeat(64), fit: 'cover' },
  ];
  const from = Date.UTC(2026, 10, 27) - H;
  return {
    screenId: 'screen-1',
    screenName: '一楼主屏',
    revision: 1,
    issuedAt: from,
    serverTime: from,
    layout: 'landscape',
    canvas: { width: 1920, height: 1080 },
    timezone: 'Asia/Shanghai',
    hall: { name: '黑河市政务服务中心', repairWindowText: '' },
    player: { heartbeatMs: 30_000, staleAfterMs: 86_400_000, reconnectMaxMs: 60_000, playsBatchMs: 60_000 },
    schedule: {
      defaultPlaylistId: 'def',
      listsPlaylistId: 'lists',
      listShare: 0.5,
      cycleMs: 60_000,
      playlists: [
        {
          id: 'lists',
          name: '名单',
          entries: [
            { itemId: 'red', durationMs: 10_000 },
            { itemId: 'black', durationMs: 10_000 },
          ],
        },
        {
          id: 'def',
          name: '默认',
          entries: [
            { itemId: 'notice', durationMs: 10_000 },
            { itemId: 'image', durationMs: 10_000 },
          ],
        },
      ],
      campaigns: [],
      emergencies: [],
      from,
      until: from + 8 * 24 * H,
    },
    items,
    datasets: [
      { hash: 'a'.repeat(64), listType: 'red', categoryId: 'tax-a', categoryName: '纳税A级', entries: 1 },
      {
        hash: 'b'.repeat(64),
        listType: 'black',
        categoryId: 'court',
        categoryName: '失信被执行人',
        entries: 1,
      },
    ],
    media: [{ hash: 'f'.repeat(64), type: 'image', mime: 'image/png', bytes: 100 }],
    listsValidUntil: from + 86_400_000,
    demo: false,
    ...over,
  };
}
