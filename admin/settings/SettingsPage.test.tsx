import '../lists/testDom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../core/protocol/rest.js';
import { testSession, WithSession } from '../lists/testSession.js';
import { SettingsPage } from './SettingsPage.js';

const renderAs = (role: Role) =>
  render(
    <WithSession session={testSession(role)}>
      <SettingsPage />
    </WithSession>,
  );

const tabLabels = () => screen.getAllByRole('tab').map((t) => t.textContent);

afterEach(cleanup);

describe('设置 by role', () => {
  it('gives the system administrator units and categories, the security administrator the API keys', () => {
    renderAs('sysadmin');
    expect(tabLabels()).toEqual(['成员单位', '名单类别']);
    cleanup();
    renderAs('secadmin');
    expect(tabLabels()).toEqual(['API 密钥']);
  });

  it('gives list editors the working-day calendar only', () => {
    renderAs('list-editor');
    expect(tabLabels()).toEqual(['工作日历']);
  });
});
