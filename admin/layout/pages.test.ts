import { describe, expect, it } from 'vitest';
import { landingFor, pagesFor } from './pages.js';

describe('menu by role', () => {
  it('shows 用户 only to the system and security administrators', () => {
    for (const role of ['sysadmin', 'secadmin'] as const)
      expect(pagesFor(role).map((p) => p.label)).toEqual(
        expect.arrayContaining(['屏幕', '大厅', '屏幕分组', '用户']),
      );
    expect(pagesFor('auditor').map((p) => p.label)).not.toContain('用户');
    expect(pagesFor('operator').map((p) => p.label)).toEqual(
      expect.arrayContaining(['屏幕', '大厅', '屏幕分组']),
    );
    expect(pagesFor('operator').map((p) => p.label)).not.toContain('用户');
    expect(pagesFor('reviewer').map((p) => p.label)).not.toContain('用户');
  });

  it('shows the credit-list pages to every role and 设置 to those who keep one of its tabs', () => {
    const credit = ['名单批次', '名单查询', '撤下记录', '审计日志'];
    for (const role of ['sysadmin', 'secadmin', 'list-editor'] as const)
      expect(pagesFor(role).map((p) => p.label)).toEqual(expect.arrayContaining([...credit, '设置']));
    for (const role of ['auditor', 'reviewer', 'publicity', 'operator'] as const) {
      const labels = pagesFor(role).map((p) => p.label);
      expect(labels).toEqual(expect.arrayContaining(credit));
      expect(labels).not.toContain('设置');
    }
  });

  it('lands each administrator on their own work', () => {
    expect(landingFor('secadmin')).toBe('/users');
    expect(landingFor('auditor')).toBe('/audit');
    expect(landingFor('operator')).toBe('/screens');
  });
});
