import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Spin, Tag, Typography } from 'antd';
import type { Dataset } from '../../core/credit/dataset.js';
import type { Item } from '../../core/manifest/types.js';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import type { RenderContext } from '../../player/render/index.js';
import { ItemView, Poster, Stage, stageOf } from '../../player/render/index.js';
import { liveQuery } from '../lib/liveCache.js';
import { formatRelative } from '../lib/time.js';

/** The datasets a list board's selector names (the player resolves them the same way). */
function listsFor(item: Item, datasets: Dataset[]): Dataset[] {
  if (item.kind !== 'list-board') return [];
  const { listType, categoryIds } = item.selector;
  return datasets.filter(
    (d) => d.listType === listType && (categoryIds === 'all' || categoryIds.includes(d.category.id)),
  );
}

/**
 * What the screen shows now, drawn in the admin with the player's own renderers from the
 * item it last reported (`player:state`): it follows item changes as they happen. It is not a
 * screenshot, and says so.
 */
export function LiveMirror({ screen, now }: { screen: ScreenStatus; now: number }) {
  // Refetched when the screen renders a new revision (its `screen:updated`, liveWriters.ts).
  const mirror = useQuery(liveQuery(routes.screens.mirror, { params: { id: screen.id } }));
  const data = mirror.data;
  if (mirror.error) return <Alert type="error" title={mirror.error.message} />;
  if (!data) return <Spin />;
  const { manifest } = data;
  const item = manifest.items.find((i) => i.id === screen.currentItem);
  const ctx: RenderContext = {
    lists: item ? listsFor(item, data.datasets) : [],
    mediaUrl: (hash) => `/media/${hash}`,
    now: () => Date.now(),
    timezone: manifest.timezone,
    hall: manifest.hall,
    canvas: manifest.canvas,
    layout: manifest.layout,
  };
  const main = item ? (
    <ItemView key={item.id} item={item} ctx={ctx} />
  ) : (
    <Poster canvas={manifest.canvas} layout={manifest.layout} hallName={manifest.hall.name} />
  );
  const { width, height } = manifest.canvas;
  return (
    <Flex vertical gap={8} data-testid="live-mirror" data-item-id={screen.currentItem ?? ''}>
      <Flex gap={8} align="center" wrap>
        <Tag color="orange">依据上报状态绘制</Tag>
        <Typography.Text type="secondary">
          {screen.stateAt
            ? `播放端 ${formatRelative(screen.stateAt, now)}报告切换到此内容`
            : screen.currentItem
              ? '依据心跳中上报的当前内容'
              : '播放端尚未报告当前内容'}
          ，非真实截屏
        </Typography.Text>
      </Flex>
      <div
        style={{
          width: '100%',
          aspectRatio: `${width} / ${height}`,
          maxHeight: 420,
          background: '#000',
          position: 'relative',
        }}
      >
        <Stage {...stageOf(manifest)} now={() => Date.now()} main={main} />
      </div>
    </Flex>
  );
}
