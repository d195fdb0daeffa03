import { useEffect } from 'react';
import type { VideoItem } from '../../core/manifest/types.js';
import { useItemSignals } from './hooks.js';
import type { ItemViewProps } from './types.js';
import './render.css';

const MEDIA_ERRORS: Record<number, string> = {
  1: 'aborted',
  2: 'network error',
  3: 'decode error',
  4: 'source not supported',
};

/** Autoplay policies look at the property, which React does not always set before play(). */
function forceMuted(el: HTMLVideoElement | null): void {
  if (!el) return;
  el.muted = true;
  el.defaultMuted = true;
}

/** A first frame not presented by then (a browser that skips frames of a transparent layer) counts as shown. */
const FIRST_FRAME_WAIT_MS = 500;

/**
 * Calls `done` once the video's first frame is on screen, not merely decoded: `loadeddata` comes
 * before the compositor has the frame, and a screen uncovered then shows the element's black for a
 * frame. With requestVideoFrameCallback (Chromium 83+) that is the frame's presentation; without
 * it (old Android WebViews), two animation frames; either way at most FIRST_FRAME_WAIT_MS.
 */
function whenFramePresented(el: HTMLVideoElement, done: () => void): void {
  const timer = setTimeout(done, FIRST_FRAME_WAIT_MS);
  const finish = () => {
    clearTimeout(timer);
    done();
  };
  if ('requestVideoFrameCallback' in el) el.requestVideoFrameCallback(finish);
  else requestAnimationFrame(() => requestAnimationFrame(finish));
}

/**
 * A muted, inline, autoplaying video. Ready once its first frame is presented (after
 * `loadeddata` or `canplaythrough`, whichever comes first); loops when it should not play to its
 * end, else reports `onEnded`.
 */
export function VideoView({ item, ctx, onReady, onEnded, onError }: ItemViewProps<VideoItem>) {
  const signals = useItemSignals({ onReady, onEnded, onError });
  const src = ctx.mediaUrl(item.media);
  useEffect(() => {
    if (!src) signals.error('media-missing', `media ${item.media} is not available`);
  }, [src, item.media, signals]);
  return (
    <div className="hc-video" data-kind="video">
      {src ? (
        <video
          ref={forceMuted}
          className="hc-video-el"
          src={src}
          muted
          autoPlay
          playsInline
          preload="auto"
          loop={!item.playToEnd}
          onCanPlayThrough={(e) => whenFramePresented(e.currentTarget, signals.ready)}
          onLoadedData={(e) => whenFramePresented(e.currentTarget, signals.ready)}
          onEnded={() => signals.ended()}
          onError={(e) => {
            const code = e.currentTarget.error?.code ?? 0;
            signals.error('media-error', `video ${item.media}: ${MEDIA_ERRORS[code] ?? 'cannot play'}`);
          }}
        />
      ) : null}
    </div>
  );
}
