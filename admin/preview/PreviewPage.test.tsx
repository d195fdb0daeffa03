import '../lib/testDom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../core/manifest/types.js';
import type { Preview } from '../../core/protocol/programs.js';
import { resolve, type ScheduledCampaign, weekView } from '../../core/schedule/index.js';
import { PreviewStage } from './PreviewStage.js';
import { SlotInfo } from './SlotInfo.js';
import { WeekGrid } from './WeekGrid.js';

// Monday 2026-11-23 14:03 in Asia/Shanghai.
const AT = Date.UTC(2026, 10, 23, 6, 3);

function campaign(id: string, name: string, approvedAt: number): ScheduledCampaign {
  return {
    id,
    name,
    startDate: '2026-11-01',
    endDate: '2026-11-30',
    dayparts: [{ start: '14:00', end: '16:00' }],
    weekdays: [],
    excludedDates: [],
    priority: 'normal',
    playlistIds: [`p-${id}`],
    sharing: 'fill',
    approvedAt,
  };
}

function manifest(): Manifest {
  const notice = (id: string, title: string) =>
    ({
      id,
      name: title,
      kind: 'notice',
      durationMs: 20_000,
      title,
      body: '诚实守信，一路畅行',
      style: 'traffic',
    }) as const;
  return {
    screenId: 's1',
    screenName: '一楼大屏',
    revision: 3,
    issuedAt: AT,
    serverTime: AT,
    layout: 'portrait',
    canvas: { width: 1080, height: 1920 },
    timezone: 'Asia/Shanghai',
    hall: { name: '黑河市政务服务中心', repairWindowText: '' },
    player: { heartbeatMs: 30_000, staleAfterMs: 86_400_000, reconnectMaxMs: 60_000, playsBatchMs: 60_000 },
    schedule: {
      defaultPlaylistId: 'default',
      listsPlaylistId: 'lists',
      listShare: 0.3,
      cycleMs: 300_000,
      playlists: [
        { id: 'default', name: '默认', entries: [{ itemId: 'clock', durationMs: 10_000 }] },
        { id: 'lists', name: '名单', entries: [] },
        { id: 'p-a', name: '交通', entries: [{ itemId: 'traffic', durationMs: 20_000 }] },
        { id: 'p-b', name: '讲堂', entries: [{ itemId: 'lecture', durationMs: 20_000 }] },
      ],
      campaigns: [campaign('a', '信用交通宣传月', 2), campaign('b', '诚信大讲堂', 1)],
      emergencies: [],
      from: AT - 3_600_000,
      until: AT + 8 * 86_400_000,
    },
    items: [
      { id: 'clock', name: '时钟', kind: 'clock', durationMs: 10_000 },
      notice('traffic', '信用交通宣传月'),
      notice('lecture', '诚信大讲堂'),
    ],
    datasets: [],
    media: [],
    listsValidUntil: AT + 86_400_000,
    demo: false,
  };
}

function preview(): Preview {
  const m = manifest();
  return {
    at: AT,
    timezone: m.timezone,
    manifest: m,
    slot: resolve(m.schedule, { id: 's1', timezone: m.timezone }, AT),
    datasets: [],
  };
}

afterEach(cleanup);

describe('preview', () => {
  it('draws the item the schedule resolves, with the player renderers, and says the player agrees', () => {
    const p = preview();
    expect(p.slot?.campaignId).toBe('a');
    render(
      <>
        <PreviewStage preview={p} />
        <SlotInfo preview={p} />
      </>,
    );
    expect(screen.getByTestId('main-zone').querySelector('[data-kind="notice"]')).not.toBeNull();
    expect(screen.getByTestId('preview-stage').style.aspectRatio).toBe('1080 / 1920');
    expect(screen.getAllByText('信用交通宣传月').length).toBeGreaterThan(0);
    expect(screen.getByText(/播放端按同一清单在此时刻计算出相同的内容/)).toBeTruthy();
  });

  it('warns where two campaigns of the same priority collide in the week view', () => {
    const m = manifest();
    const view = weekView(m.schedule, { id: 's1', timezone: m.timezone }, '2026-11-23');
    render(<WeekGrid view={view} manifest={m} />);
    const warnings = screen.getAllByText(/同为普通优先级且时段重叠/);
    expect(warnings).toHaveLength(7);
    expect(warnings[0]?.textContent).toContain('11月23日 14:00');
    expect(screen.getByTestId('week-grid').querySelectorAll('tbody tr')).toHaveLength(24);
  });
});
