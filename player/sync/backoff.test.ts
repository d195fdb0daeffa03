import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles from one second, with half of it random (equal jitter)', () => {
    expect(backoffDelay(0, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(0, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 60_000, () => 0)).toBe(4000);
    expect(backoffDelay(3, 60_000, () => 1)).toBe(8000);
  });

  it('is capped by the manifest reconnectMaxMs', () => {
    for (const attempt of [6, 10, 50, 5000]) {
      const d = backoffDelay(attempt, 60_000, Math.random);
      expect(d).toBeGreaterThanOrEqual(30_000);
      expect(d).toBeLessThanOrEqual(60_000);
    }
  });

  it('spreads screens that lost the server at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, 60_000)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
