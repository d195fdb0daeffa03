import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { createGate } from './gate.js';

const busy = () => new AppError(429, 'import_busy', '忙');
const later = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('createGate', () => {
  it('runs at most max at once, the rest in arrival order, and refuses past the queue', async () => {
    const gate = createGate(1, 2, busy);
    const order: string[] = [];
    const first = later();
    const a = gate.run(async () => {
      order.push('a');
      await first.promise;
    });
    const b = gate.run(async () => {
      order.push('b');
    });
    const c = gate.run(async () => {
      order.push('c');
    });
    expect(gate.load()).toEqual({ active: 1, waiting: 2 });
    await expect(gate.run(async () => order.push('d'))).rejects.toMatchObject({ code: 'import_busy' });
    expect(order).toEqual(['a']);
    first.resolve();
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(gate.load()).toEqual({ active: 0, waiting: 0 });
  });

  it('a task that throws hands its slot on', async () => {
    const gate = createGate(1, 1, busy);
    const failing = gate.run(async () => {
      throw new Error('坏文件');
    });
    const next = gate.run(async () => 'ok');
    await expect(failing).rejects.toThrow('坏文件');
    await expect(next).resolves.toBe('ok');
    expect(gate.load()).toEqual({ active: 0, waiting: 0 });
  });
});
