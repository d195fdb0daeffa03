import { useEffect, useRef, useState } from 'react';
import type { NoticeItem } from '../../core/manifest/types.js';
import { useItemSignals, useReadyAfterLayout } from './hooks.js';
import { useDecodedImage } from './ImageView.js';
import { MarqueeTrack } from './MarqueeTrack.js';
import type { ItemViewProps } from './types.js';
import { isStrip, stripFontPx, unitStyle } from './units.js';
import './render.css';

/** The small line above the title of each template. */
const KICKER: Record<NoticeItem['style'], string> = {
  integrity: '诚信建设',
  commerce: '诚信兴商',
  traffic: '信用交通',
  lecture: '诚信大讲堂',
  urgent: '紧急通知',
};

/**
 * 图文公告: title, body and an optional image, in the template its `style` names. A notice is
 * campaign content and fails open: an image that cannot load is left out, the text still shows.
 */
export function NoticeView({ item, ctx, onReady, onError }: ItemViewProps<NoticeItem>) {
  const signals = useItemSignals({ onReady, onError });
  const src = item.media ? ctx.mediaUrl(item.media) : '';
  const [imageState, setImageState] = useState<'loading' | 'ok' | 'failed'>(src ? 'loading' : 'failed');
  const ref = useRef<HTMLImageElement>(null);
  useDecodedImage(ref, src, (ok) => setImageState(ok ? 'ok' : 'failed'));
  const textOnly = imageState === 'failed';
  const strip = isStrip(ctx.canvas, ctx.layout);

  if (strip) return <StripNotice item={item} ctx={ctx} onReady={signals.ready} />;
  return (
    <article
      className={`hc-notice hc-notice--${item.style}`}
      data-kind="notice"
      style={unitStyle(ctx.canvas)}
    >
      <div className="hc-notice-frame">
        <div className="hc-notice-kicker">{KICKER[item.style]}</div>
        <h1 className="hc-notice-title">{item.title}</h1>
        <div className={textOnly ? 'hc-notice-main' : 'hc-notice-main hc-notice-main--image'}>
          <div className="hc-notice-body">
            {item.body.split(/\n+/).map((para, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one immutable text
              <p key={i}>{para}</p>
            ))}
          </div>
          {textOnly ? null : <img ref={ref} className="hc-notice-img" src={src} alt="" />}
        </div>
        <div className="hc-notice-hall">{ctx.hall.name}</div>
      </div>
      {imageState === 'loading' ? null : <ReadyMark onReady={signals.ready} />}
    </article>
  );
}

/** Reports ready once mounted: used when the last asset a view waits for has settled. */
function ReadyMark({ onReady }: { onReady: () => void }) {
  useEffect(() => onReady(), [onReady]);
  return null;
}

function StripNotice({
  item,
  ctx,
  onReady,
}: Pick<ItemViewProps<NoticeItem>, 'item' | 'ctx'> & { onReady: () => void }) {
  const signals = useItemSignals({ onReady });
  useReadyAfterLayout(signals);
  const fontPx = stripFontPx(ctx.canvas);
  const text = `【${KICKER[item.style]}】${item.title}　${item.body.replace(/\s+/g, ' ')}`;
  return (
    <article
      className={`hc-notice hc-notice--${item.style} hc-notice--strip`}
      data-kind="notice"
      style={{ fontSize: fontPx }}
    >
      <MarqueeTrack speed={fontPx * 3} renderSegment={() => <span className="hc-ticker-text">{text}</span>} />
    </article>
  );
}
