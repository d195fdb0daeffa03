import { describe, expect, it } from 'vitest';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { engineRows } from './EnginesPanel.js';

const screen = (name: string, engine: ScreenStatus['engine']) => ({ id: name, name, engine }) as ScreenStatus;

describe('engineRows', () => {
  it('groups screens by engine version, the oldest first, and marks those below Chromium 69', () => {
    const rows = engineRows([
      screen('甲', { name: 'chromium', major: 120, android: null }),
      screen('乙', { name: 'chromium', major: 69, android: 9 }),
      screen('丙', { name: 'chromium', major: 69, android: 9 }),
      screen('丁', null),
      screen('戊', { name: 'chromium', major: 66, android: 8 }),
    ]);
    expect(rows.map((r) => [r.label, r.screens.map((s) => s.name).join(''), r.below])).toEqual([
      ['Chromium 66', '戊', true],
      ['Chromium 69', '乙丙', false],
      ['Chromium 120', '甲', false],
      ['未报告', '丁', false],
    ]);
  });
});
