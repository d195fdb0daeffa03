import { type RefObject, useEffect, useRef } from 'react';
import type { ImageItem } from '../../core/manifest/types.js';
import { useItemSignals, useLatest } from './hooks.js';
import type { ItemViewProps } from './types.js';
import './render.css';

/**
 * Waits until an image is decoded (img.decode(), else its load event): ready then, or an error
 * if it cannot load; never reports a half-drawn image as ready.
 */
export function useDecodedImage(
  ref: RefObject<HTMLImageElement | null>,
  src: string,
  done: (ok: boolean, message: string) => void,
): void {
  const latest = useLatest(done);
  useEffect(() => {
    const img = ref.current;
    if (!img || !src) return;
    let settled = false;
    const finish = (ok: boolean, message: string) => {
      if (settled) return;
      settled = true;
      latest.current(ok, message);
    };
    const onLoad = () => finish(true, '');
    const onError = () => finish(false, `image failed to load: ${src}`);
    if (typeof img.decode === 'function') {
      img.decode().then(onLoad, (e: unknown) => finish(false, `image failed to decode: ${String(e)}`));
    } else if (img.complete && img.naturalWidth > 0) {
      onLoad();
    } else {
      img.addEventListener('load', onLoad);
    }
    img.addEventListener('error', onError);
    return () => {
      settled = true;
      img.removeEventListener('load', onLoad);
      img.removeEventListener('error', onError);
    };
  }, [ref, src, latest]);
}

/** A still image, letterboxed (contain) or filling the zone (cover). */
export function ImageView({ item, ctx, onReady, onError }: ItemViewProps<ImageItem>) {
  const signals = useItemSignals({ onReady, onError });
  const ref = useRef<HTMLImageElement>(null);
  const src = ctx.mediaUrl(item.media);
  useEffect(() => {
    if (!src) signals.error('media-missing', `media ${item.media} is not available`);
  }, [src, item.media, signals]);
  useDecodedImage(ref, src, (ok, message) =>
    ok ? signals.ready() : signals.error('decode-failed', message),
  );
  return (
    <div className="hc-image" data-kind="image">
      {src ? <img ref={ref} className={`hc-image-img hc-fit-${item.fit}`} src={src} alt={item.name} /> : null}
    </div>
  );
}
