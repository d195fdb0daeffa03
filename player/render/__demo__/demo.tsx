/**
 * Visual check of the renderers in real Chromium, not part of the player: build this page with
 * Vite and open `index.html?s=<scene>` at the scene's canvas size (see README.md here).
 */
import { type ReactNode, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Canvas, Item, Layout } from '../../../core/manifest/types.js';
import { Crossfade } from '../Crossfade.js';
import { ItemView } from '../ItemView.js';
import { Poster } from '../Poster.js';
import { Stage } from '../Stage.js';
import { boardItem, dataset, entry, manyEntries } from '../testFixtures.js';
import type { RenderContext } from '../types.js';

const hall = { name: '黑河市政务服务中心', repairWindowText: '一楼综合窗口（信用修复）' };

const redEntries = Array.from({ length: 23 }, (_, i) =>
  entry(`r${i}`, {
    name: `黑河市${['兴边', '龙江', '北疆', '瑷珲', '金水'][i % 5]}商贸有限公司`,
    code: `91231100MA1B2C3D${i % 10}E`,
  }),
);
const blackEntries = [
  entry('b1', {
    subjectType: 'person',
    name: '张*',
    code: '231102********1234',
    legalRep: '',
    reason: '有履行能力而拒不履行生效法律文书确定义务',
    authority: '黑河市中级人民法院',
    docNo: '（2026）黑11执123号',
  }),
  entry('b2', {
    name: '黑河市某某建材有限公司',
    reason: '拒不履行生效判决，规避执行',
    authority: '爱辉区人民法院',
    docNo: '（2026）黑1102执45号',
  }),
  ...manyEntries(14, { name: '黑河市某某物流有限公司', reason: '违反财产报告制度' }),
];

interface Scene {
  layout: Layout;
  canvas: Canvas;
  item?: Item;
  lists?: RenderContext['lists'];
  poster?: boolean;
  demo?: boolean;
}

const scenes: Record<string, Scene> = {
  'red-paged': {
    layout: 'landscape',
    canvas: { width: 1920, height: 1080 },
    item: boardItem({ rowsPerPage: 8 }),
    lists: [dataset('red', redEntries)],
    demo: true,
  },
  'black-paged': {
    layout: 'landscape',
    canvas: { width: 1920, height: 1080 },
    item: boardItem({
      selector: { listType: 'black', categoryIds: 'all' },
      fields: ['name', 'code', 'reason', 'authority', 'docNo'],
      rowsPerPage: 8,
    }),
    lists: [dataset('black', blackEntries)],
  },
  'black-scroll': {
    layout: 'portrait',
    canvas: { width: 1080, height: 1920 },
    item: boardItem({
      mode: 'scroll',
      selector: { listType: 'black', categoryIds: 'all' },
      fields: ['name', 'code', 'reason'],
      rowsPerPage: 12,
    }),
    lists: [
      dataset('black', blackEntries),
      dataset('black', manyEntries(10_000), { category: { id: 'tax', name: '重大税收违法失信主体' } }),
    ],
  },
  'red-marquee': {
    layout: 'custom',
    canvas: { width: 3200, height: 1600 },
    item: boardItem({ mode: 'marquee' }),
    lists: [dataset('red', redEntries)],
  },
  empty: { layout: 'landscape', canvas: { width: 1920, height: 1080 }, item: boardItem(), lists: [] },
  strip: {
    layout: 'led-strip',
    canvas: { width: 256, height: 32 },
    item: boardItem({ selector: { listType: 'black', categoryIds: 'all' } }),
    lists: [dataset('black', blackEntries)],
    demo: true,
  },
  notice: {
    layout: 'landscape',
    canvas: { width: 1920, height: 1080 },
    item: {
      id: 'n',
      name: 'n',
      kind: 'notice',
      durationMs: 1,
      style: 'urgent',
      title: '关于今日下午暂停办理不动产登记业务的紧急通知',
      body: '因系统升级，今日14:00至17:00暂停办理不动产登记业务。\n给您带来的不便，敬请谅解。',
    },
  },
  integrity: {
    layout: 'landscape',
    canvas: { width: 1920, height: 1080 },
    item: {
      id: 'n',
      name: 'n',
      kind: 'notice',
      durationMs: 1,
      style: 'traffic',
      title: '诚实守信，一路畅行',
      body: '信用交通宣传月期间，大厅设置信用交通咨询台，欢迎企业和群众前来咨询信用修复、信用承诺等事项。\n守信者处处受益，失信者寸步难行。',
    },
  },
  clock: {
    layout: 'portrait',
    canvas: { width: 1080, height: 1920 },
    item: { id: 'c', name: 'c', kind: 'clock', durationMs: 1 },
  },
  poster: { layout: 'landscape', canvas: { width: 1920, height: 1080 }, poster: true, demo: true },
};

/** With `&cycle=1` the main zone alternates between the scene's item and the poster every 4 s. */
function useCycle(): boolean {
  const [flip, setFlip] = useState(false);
  useEffect(() => {
    if (!new URLSearchParams(location.search).has('cycle')) return;
    const timer = setInterval(() => setFlip((f) => !f), 4000);
    return () => clearInterval(timer);
  }, []);
  return flip;
}

function App({ scene }: { scene: Scene }) {
  const flip = useCycle();
  const ctx: RenderContext = {
    lists: scene.lists ?? [],
    mediaUrl: () => '',
    now: () => Date.now(),
    timezone: 'Asia/Shanghai',
    hall,
    canvas: scene.canvas,
    layout: scene.layout,
  };
  const { item } = scene;
  const main: ReactNode = (
    <Crossfade
      current={
        item && !scene.poster && !flip
          ? { key: item.id, render: (ready) => <ItemView item={item} ctx={ctx} onReady={ready} /> }
          : {
              key: 'poster',
              render: (ready) => (
                <Poster canvas={scene.canvas} layout={scene.layout} hallName={hall.name} onReady={ready} />
              ),
            }
      }
    />
  );
  const ticker = (
    <ItemView
      item={{
        id: 't',
        name: 't',
        kind: 'ticker',
        durationMs: 1,
        speed: 120,
        text: '诚信建设万里行 · 守信光荣，失信可耻 · 诚信黑河进大厅、进校园、进企业、进市场、进社区',
      }}
      ctx={ctx}
    />
  );
  return (
    <Stage
      layout={scene.layout}
      canvas={scene.canvas}
      hall={hall}
      timezone="Asia/Shanghai"
      now={() => Date.now()}
      demo={scene.demo ?? false}
      main={main}
      ticker={ticker}
    />
  );
}

const name = new URLSearchParams(location.search).get('s') ?? 'red-paged';
const scene = scenes[name] ?? scenes['red-paged'];
const root = document.getElementById('root');
if (root && scene) {
  createRoot(root).render(
    <StrictMode>
      <App scene={scene} />
    </StrictMode>,
  );
}
