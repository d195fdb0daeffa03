import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClockView } from './ClockView.js';
import { Stage } from './Stage.js';
import { context, FRIDAY_1504_SHANGHAI } from './testFixtures.js';

const hostZone = process.env.TZ;

beforeAll(() => {
  // A host far from Shanghai: the clock must not follow it.
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = hostZone;
});
afterEach(cleanup);

describe('ClockView', () => {
  it('shows date and time in the screen’s timezone, whatever the host’s', () => {
    expect(new Date(FRIDAY_1504_SHANGHAI).getHours()).not.toBe(15);
    render(<ClockView item={{ id: 'c', name: '时钟', kind: 'clock', durationMs: 10_000 }} ctx={context()} />);
    expect(screen.getByTestId('clock-time').textContent).toBe('15:04');
    expect(screen.getByTestId('clock-date').textContent).toBe('2026年11月27日 星期五');
  });

  it('puts the same clock in the stage header', () => {
    render(
      <Stage
        layout="landscape"
        canvas={{ width: 1920, height: 1080 }}
        hall={{ name: '黑河市政务服务中心', repairWindowText: '' }}
        timezone="Asia/Shanghai"
        now={() => FRIDAY_1504_SHANGHAI}
        demo={false}
        main={null}
      />,
    );
    expect(screen.getByText('15:04')).toBeTruthy();
    expect(screen.getByText('2026年11月27日 星期五')).toBeTruthy();
  });
});
