import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Item } from '../../core/manifest/types.js';
import { ItemView } from './ItemView.js';
import { Poster } from './Poster.js';
import { boardItem, context, dataset, entry } from './testFixtures.js';

const image: Item = {
  id: 'i1',
  name: '海报',
  kind: 'image',
  durationMs: 10_000,
  media: 'abc',
  fit: 'contain',
};
const video: Item = {
  id: 'v1',
  name: '宣传片',
  kind: 'video',
  durationMs: 10_000,
  media: 'vid',
  playToEnd: true,
};

function stubDecode(impl: () => Promise<void>) {
  Object.defineProperty(HTMLImageElement.prototype, 'decode', {
    value: impl,
    configurable: true,
    writable: true,
  });
}

afterEach(() => {
  cleanup();
  delete (HTMLImageElement.prototype as { decode?: unknown }).decode;
});

describe('ItemView', () => {
  it('reports unknown media instead of showing an empty frame', async () => {
    const onError = vi.fn();
    const onReady = vi.fn();
    render(
      <ItemView item={image} ctx={context({ mediaUrl: () => '' })} onReady={onReady} onError={onError} />,
    );
    await waitFor(() => expect(onError).toHaveBeenCalledWith('media-missing', expect.any(String)));
    expect(onReady).not.toHaveBeenCalled();
  });

  it('reports an image that fails to decode', async () => {
    stubDecode(() => Promise.reject(new Error('EncodingError')));
    const onError = vi.fn();
    const onReady = vi.fn();
    render(<ItemView item={image} ctx={context()} onReady={onReady} onError={onError} />);
    await waitFor(() => expect(onError).toHaveBeenCalledWith('decode-failed', expect.any(String)));
    expect(onReady).not.toHaveBeenCalled();
  });

  it('is ready once the image is decoded', async () => {
    stubDecode(() => Promise.resolve());
    const onReady = vi.fn();
    const { container } = render(<ItemView item={image} ctx={context()} onReady={onReady} />);
    await waitFor(() => expect(onReady).toHaveBeenCalledTimes(1));
    expect(container.querySelector('[data-kind="image"] img')?.getAttribute('src')).toBe('/media/abc');
  });

  it('reports a kind it does not know', async () => {
    const onError = vi.fn();
    const odd = { id: 'x', name: 'x', kind: 'hologram', durationMs: 1 } as unknown as Item;
    render(<ItemView item={odd} ctx={context()} onError={onError} />);
    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith('unknown-kind', expect.stringContaining('hologram')),
    );
  });

  it('plays a muted inline video: ready once its first frame is presented, ended and errors reported', () => {
    const onReady = vi.fn();
    const onEnded = vi.fn();
    const onError = vi.fn();
    const { container } = render(
      <ItemView item={video} ctx={context()} onReady={onReady} onEnded={onEnded} onError={onError} />,
    );
    const el = container.querySelector('video') as HTMLVideoElement;
    const presented: (() => void)[] = [];
    el.requestVideoFrameCallback = (cb) => presented.push(() => cb(0, {} as VideoFrameCallbackMetadata));
    expect(el.muted).toBe(true);
    expect(el.hasAttribute('playsinline')).toBe(true);
    expect(onReady).not.toHaveBeenCalled();
    fireEvent(el, new Event('canplaythrough'));
    // Decoded is not shown: the element's black would show if the screen were uncovered now.
    expect(onReady).not.toHaveBeenCalled();
    presented[0]!();
    expect(onReady).toHaveBeenCalledTimes(1);
    fireEvent(el, new Event('loadeddata'));
    presented[1]!();
    expect(onReady).toHaveBeenCalledTimes(1);
    fireEvent(el, new Event('ended'));
    expect(onEnded).toHaveBeenCalledTimes(1);
    fireEvent(el, new Event('error'));
    expect(onError).toHaveBeenCalledWith('media-error', expect.any(String));
  });

  it('counts a video as shown after a bounded wait when no frame callback comes', () => {
    vi.useFakeTimers();
    try {
      const onReady = vi.fn();
      const { container } = render(<ItemView item={video} ctx={context()} onReady={onReady} />);
      const el = container.querySelector('video') as HTMLVideoElement;
      el.requestVideoFrameCallback = () => 1;
      fireEvent(el, new Event('loadeddata'));
      vi.advanceTimersByTime(499);
      expect(onReady).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onReady).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a notice without its image when the image fails (campaign content fails open)', async () => {
    stubDecode(() => Promise.reject(new Error('EncodingError')));
    const onReady = vi.fn();
    const onError = vi.fn();
    const notice: Item = {
      id: 'n1',
      name: '公告',
      kind: 'notice',
      durationMs: 10_000,
      title: '停电通知',
      body: '今日下午暂停办理。\n请谅解。',
      media: 'img',
      style: 'urgent',
    };
    const { container } = render(
      <ItemView item={notice} ctx={context()} onReady={onReady} onError={onError} />,
    );
    await waitFor(() => expect(onReady).toHaveBeenCalledTimes(1));
    expect(onError).not.toHaveBeenCalled();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('停电通知')).toBeTruthy();
    expect(container.querySelector('[data-kind="notice"]')?.className).toContain('hc-notice--urgent');
  });

  it('marks every root with its kind', () => {
    const items: Item[] = [
      boardItem(),
      { id: 't', name: 't', kind: 'ticker', durationMs: 1, text: '诚实守信，一路畅行', speed: 120 },
      { id: 'c', name: 'c', kind: 'clock', durationMs: 1 },
    ];
    const ctx = context({ lists: [dataset('red', [entry('a')])] });
    for (const item of items) {
      const { container, unmount } = render(<ItemView item={item} ctx={ctx} />);
      expect(container.firstElementChild?.getAttribute('data-kind')).toBe(item.kind);
      unmount();
    }
    const { container } = render(<Poster canvas={{ width: 1920, height: 1080 }} />);
    expect(container.firstElementChild?.getAttribute('data-kind')).toBe('poster');
  });
});
