import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Crossfade, type CrossfadeSlot } from './Crossfade.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A slot whose view reports ready only when the test says so. */
function slot(key: string, readies: Map<string, () => void>): CrossfadeSlot {
  return {
    key,
    render: (ready) => {
      readies.set(key, ready);
      return <div data-kind="probe" data-testid={`item-${key}`} />;
    },
  };
}

const slotOf = (key: string) => screen.queryByTestId(`item-${key}`)?.parentElement?.getAttribute('data-slot');

describe('Crossfade', () => {
  it('keeps the outgoing item until the incoming one is ready, then removes it after the fade', () => {
    vi.useFakeTimers();
    const readies = new Map<string, () => void>();
    const onShown = vi.fn();
    const { rerender } = render(<Crossfade current={slot('a', readies)} fadeMs={300} onShown={onShown} />);
    expect(slotOf('a')).toBe('incoming');
    act(() => readies.get('a')?.());
    expect(slotOf('a')).toBe('current');
    expect(onShown).toHaveBeenLastCalledWith('a');

    rerender(<Crossfade current={slot('b', readies)} fadeMs={300} onShown={onShown} />);
    expect(slotOf('a')).toBe('current');
    expect(slotOf('b')).toBe('incoming');
    act(() => vi.advanceTimersByTime(5_000));
    expect(slotOf('a')).toBe('current');

    act(() => readies.get('b')?.());
    expect(slotOf('b')).toBe('current');
    expect(slotOf('a')).toBe('leaving');
    expect(onShown).not.toHaveBeenCalledWith('b');
    act(() => vi.advanceTimersByTime(300));
    expect(slotOf('a')).toBe('leaving');
    const layerB = screen.getByTestId('item-b').parentElement as HTMLElement;
    fireEvent(
      layerB,
      Object.assign(new Event('transitionend', { bubbles: true }), { propertyName: 'opacity' }),
    );
    expect(slotOf('a')).toBeUndefined();
    expect(onShown).toHaveBeenLastCalledWith('b');
  });

  it('removes the outgoing item after a fallback delay when no transition ends', () => {
    vi.useFakeTimers();
    const readies = new Map<string, () => void>();
    const { rerender } = render(<Crossfade current={slot('a', readies)} fadeMs={300} />);
    act(() => readies.get('a')?.());
    rerender(<Crossfade current={slot('b', readies)} fadeMs={300} />);
    act(() => readies.get('b')?.());
    act(() => vi.advanceTimersByTime(600));
    expect(slotOf('a')).toBe('leaving');
    act(() => vi.advanceTimersByTime(300));
    expect(slotOf('a')).toBeUndefined();
  });

  it('does not remount the incoming item when it becomes current', () => {
    const readies = new Map<string, () => void>();
    render(<Crossfade current={slot('a', readies)} fadeMs={0} />);
    const before = screen.getByTestId('item-a');
    act(() => readies.get('a')?.());
    expect(screen.getByTestId('item-a')).toBe(before);
  });

  it('drops a pending item that is replaced before it was ready', () => {
    const readies = new Map<string, () => void>();
    const { rerender } = render(<Crossfade current={slot('a', readies)} fadeMs={0} />);
    act(() => readies.get('a')?.());
    rerender(<Crossfade current={slot('b', readies)} fadeMs={0} />);
    const staleReady = readies.get('b');
    rerender(<Crossfade current={slot('c', readies)} fadeMs={0} />);
    expect(screen.queryByTestId('item-b')).toBeNull();
    act(() => staleReady?.());
    expect(slotOf('a')).toBe('current');
    expect(slotOf('c')).toBe('incoming');
  });

  it('keeps the item shown now when the fallback timer of an earlier switch fires as the next one starts', () => {
    vi.useFakeTimers();
    const readies = new Map<string, () => void>();
    const { rerender } = render(<Crossfade current={slot('a', readies)} fadeMs={300} />);
    act(() => readies.get('a')?.());
    rerender(<Crossfade current={slot('b', readies)} fadeMs={300} />);
    act(() => readies.get('b')?.());
    act(() => vi.advanceTimersByTime(500));
    rerender(<Crossfade current={slot('c', readies)} fadeMs={300} />);
    // c is ready in the same tick as the timer armed for a (leaving under b) fires.
    act(() => {
      readies.get('c')?.();
      vi.advanceTimersByTime(500);
    });
    expect(slotOf('c')).toBe('current');
    expect(slotOf('b')).toBe('leaving');
  });

  it('brings the leaving item back at once when it is wanted again while the next fades in', () => {
    vi.useFakeTimers();
    const readies = new Map<string, () => void>();
    const { rerender } = render(<Crossfade current={slot('a', readies)} fadeMs={300} />);
    act(() => readies.get('a')?.());
    rerender(<Crossfade current={slot('b', readies)} fadeMs={300} />);
    act(() => readies.get('b')?.());
    expect(slotOf('a')).toBe('leaving');
    rerender(<Crossfade current={slot('a', readies)} fadeMs={300} />);
    expect(slotOf('a')).toBe('current');
    expect(slotOf('b')).toBe('leaving');
  });
});
