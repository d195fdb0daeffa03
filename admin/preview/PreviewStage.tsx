import type { Dataset } from '../../core/credit/dataset.js';
import type { Item } from '../../core/manifest/types.js';
import type { Preview } from '../../core/protocol/programs.js';
import { ItemView, Poster, Stage, stageOf } from '../../player/render/index.js';

/** The datasets a list board's selector names (as the player picks them). */
function listsFor(item: Item, preview: Preview): Dataset[] {
  if (item.kind !== 'list-board') return [];
  const { listType, categoryIds } = item.selector;
  return preview.datasets.filter(
    (d) => d.listType === listType && (categoryIds === 'all' || categoryIds.includes(d.category.id)),
  );
}

/**
 * The screen at the previewed instant, drawn by the player's own renderers at the screen's
 * canvas (scaled to fit, so the aspect ratio is the screen's).
 */
export function PreviewStage({ preview }: { preview: Preview }) {
  const m = preview.manifest;
  const item = preview.slot ? m.items.find((i) => i.id === preview.slot?.itemId) : undefined;
  const now = () => preview.at;
  const ctx = {
    lists: item ? listsFor(item, preview) : [],
    mediaUrl: (hash: string) => `/media/${hash}`,
    now,
    timezone: m.timezone,
    hall: m.hall,
    canvas: m.canvas,
    layout: m.layout,
  };
  return (
    <div
      data-testid="preview-stage"
      style={{
        width: '100%',
        maxWidth: `min(100%, calc(60vh * ${m.canvas.width / m.canvas.height}))`,
        aspectRatio: `${m.canvas.width} / ${m.canvas.height}`,
        background: '#000',
        position: 'relative',
      }}
    >
      <Stage
        {...stageOf(m)}
        now={now}
        main={
          item ? (
            <ItemView key={`${item.id}:${preview.at}`} item={item} ctx={ctx} />
          ) : (
            <Poster canvas={m.canvas} layout={m.layout} hallName={m.hall.name} />
          )
        }
      />
    </div>
  );
}
