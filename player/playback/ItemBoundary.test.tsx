import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ItemBoundary } from './ItemBoundary.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error('renderer bug');
}

describe('ItemBoundary', () => {
  it('reports a renderer that throws and shows the poster instead of an error page', () => {
    const onError = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { container } = render(
      <ItemBoundary onError={onError} canvas={{ width: 1920, height: 1080 }} layout="landscape">
        <Broken />
      </ItemBoundary>,
    );
    expect(onError).toHaveBeenCalledWith('render_threw', 'renderer bug');
    expect(container.querySelector('[data-kind="poster"]')).not.toBeNull();
    expect(screen.queryByText('renderer bug')).toBeNull();
  });
});
