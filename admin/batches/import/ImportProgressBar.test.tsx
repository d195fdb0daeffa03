import '../../lists/testDom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../core/protocol/events.js';
import { Providers } from '../../common/Providers.js';
import { ImportProgressBar } from './ImportProgressBar.js';

const step = (phase: ImportProgress['phase'], done: number, total = 100_000): ImportProgress => ({
  uploadId: 'u1',
  phase,
  done,
  total,
});

function show(sent: number, server: ImportProgress | null) {
  render(
    <Providers>
      <ImportProgressBar sent={sent} server={server} />
    </Providers>,
  );
  return screen.getByTestId('import-progress');
}

afterEach(cleanup);

describe('ImportProgressBar', () => {
  it('shows the upload’s own progress while the bytes are sent', () => {
    expect(show(0.42, null).textContent).toContain('42%');
    expect(screen.queryByTestId('import-server-step')).toBeNull();
  });

  it('then says the file is being read until the server reports', () => {
    show(1, null);
    expect(screen.getByTestId('import-server-step').textContent).toBe('文件已上传，正在读取…');
  });

  it('counts the rows read, then the rows checked, with grouped digits', () => {
    const bar = show(1, step('reading', 12_000));
    expect(screen.getByTestId('import-server-step').textContent).toBe('正在读取第 12,000 / 100,000 行');
    expect(bar.textContent).toContain('12%');
    cleanup();

    show(1, step('checking', 99_000));
    expect(screen.getByTestId('import-server-step').textContent).toBe('正在校验第 99,000 / 100,000 行');
    expect(screen.getByTestId('import-progress').textContent).toContain('99%');
  });
});
