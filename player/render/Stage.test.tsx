import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Canvas, Layout } from '../../core/manifest/types.js';
import { Poster } from './Poster.js';
import { Stage } from './Stage.js';
import { FRIDAY_1504_SHANGHAI } from './testFixtures.js';

afterEach(cleanup);

function stage(layout: Layout, canvas: Canvas, demo: boolean) {
  return render(
    <Stage
      layout={layout}
      canvas={canvas}
      hall={{ name: '黑河市政务服务中心', repairWindowText: '' }}
      timezone="Asia/Shanghai"
      now={() => FRIDAY_1504_SHANGHAI}
      demo={demo}
      main={<Poster canvas={canvas} layout={layout} />}
      ticker={<div data-testid="ticker" />}
    />,
  );
}

describe('Stage', () => {
  it('frames a landscape screen: hall name, clock, main zone, ticker band', () => {
    stage('landscape', { width: 1920, height: 1080 }, false);
    expect(screen.getByText('黑河市政务服务中心')).toBeTruthy();
    expect(screen.getByTestId('main-zone').querySelector('[data-kind="poster"]')).toBeTruthy();
    expect(screen.getByTestId('ticker')).toBeTruthy();
    expect(screen.queryByText('演示数据')).toBeNull();
  });

  it('marks demo data', () => {
    stage('portrait', { width: 1080, height: 1920 }, true);
    expect(screen.getByText('演示数据')).toBeTruthy();
  });

  it('gives an LED strip only the one-line main zone, type at least 16 px', () => {
    const { container } = stage('led-strip', { width: 128, height: 16 }, false);
    expect(container.querySelector('header')).toBeNull();
    expect(screen.queryByTestId('ticker')).toBeNull();
    const poster = screen.getByTestId('main-zone').querySelector('[data-kind="poster"]') as HTMLElement;
    expect(Number.parseFloat(poster.style.fontSize)).toBeGreaterThanOrEqual(16);
  });

  it('sizes a custom canvas exactly, whatever its aspect', () => {
    const { container } = stage('custom', { width: 3200, height: 1600 }, false);
    const frame = container.querySelector('.hc-stage') as HTMLElement;
    expect(frame.style.width).toBe('3200px');
    expect(frame.style.height).toBe('1600px');
  });
});
