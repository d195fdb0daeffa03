import { describe, expect, it } from 'vitest';
import { pagesFor } from './pages.js';

describe('menu by role', () => {
  it('shows 用户 only to system admins', () => {
    expect(pagesFor('admin').map((p) => p.label)).toEqual(
      expect.arrayContaining(['屏幕', '大厅', '屏幕分组', '用户']),
    );
    expect(pagesFor('operator').map((p) => p.label)).toEqual(
      expect.arrayContaining(['屏幕', '大厅', '屏幕分组']),
    );
    expect(pagesFor('operator').map((p) => p.label)).not.toContain('用户');
    expect(pagesFor('reviewer').map((p) => p.label)).not.toContain('用户');
  });

  it('shows the credit-list pages to every role and 设置 to system admins and list editors', () => {
    const credit = ['名单批次', '名单查询', '撤下记录', '审计日志'];
    expect(pagesFor('admin').map((p) => p.label)).toEqual(expect.arrayContaining([...credit, '设置']));
    expect(pagesFor('list-editor').map((p) => p.label)).toEqual(expect.arrayContaining([...credit, '设置']));
    for (const role of ['reviewer', 'publicity', 'operator'] as const) {
      const labels = pagesFor(role).map((p) => p.label);
      expect(labels).toEqual(expect.arrayContaining(credit));
      expect(labels).not.toContain('设置');
    }
  });
});
