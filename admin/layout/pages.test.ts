import { describe, expect, it } from 'vitest';
import { pagesFor } from './pages.js';

describe('menu by role', () => {
  it('shows 用户 only to system admins', () => {
    expect(pagesFor('admin').map((p) => p.label)).toEqual(['屏幕', '大厅', '屏幕分组', '用户']);
    expect(pagesFor('operator').map((p) => p.label)).toEqual(['屏幕', '大厅', '屏幕分组']);
    expect(pagesFor('reviewer').map((p) => p.label)).not.toContain('用户');
  });
});
