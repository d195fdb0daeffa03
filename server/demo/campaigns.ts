import type { CampaignInput } from '../../core/protocol/programs.js';
import type { Services } from '../services/index.js';

interface DemoCampaign {
  name: string;
  theme: string;
  /** Month-day range; the year is this year's, or next year's once it is over. */
  from: string;
  to: string;
  items: string[];
  sharing: CampaignInput['sharing'];
  /** The themed months outrank the year-round campaign, so the demo week shows no collision. */
  priority: CampaignInput['priority'];
  dayparts: CampaignInput['dayparts'];
}

const DEMO: DemoCampaign[] = [
  {
    name: '诚信建设万里行',
    theme: '守信光荣 失信可耻',
    from: '01-01',
    to: '12-31',
    items: ['诚信建设万里行 海报', '诚信建设万里行'],
    sharing: 'interleave',
    priority: 'normal',
    dayparts: [],
  },
  {
    name: '诚信兴商宣传月',
    theme: '诚信兴商 守法经营',
    from: '09-01',
    to: '09-30',
    items: ['诚信兴商宣传月 海报', '诚信兴商宣传月'],
    sharing: 'fill',
    priority: 'high',
    dayparts: [{ start: '08:30', end: '17:00' }],
  },
  {
    name: '信用交通宣传月',
    theme: '诚实守信，一路畅行',
    from: '11-01',
    to: '11-30',
    items: ['信用交通宣传月'],
    sharing: 'fill',
    priority: 'high',
    dayparts: [{ start: '08:30', end: '17:00' }],
  },
];

/**
 * Turns the work plan's campaigns into real campaigns on a fresh demo database: a playlist each,
 * created and submitted by the publicity account and approved by the reviewer (four eyes).
 */
export function seedDemoCampaigns(s: Services, userIds: Map<string, string>, today: string): void {
  const publicity = userIds.get('publicity');
  const reviewer = userIds.get('reviewer');
  if (!publicity || !reviewer) return;
  const items = new Map(s.programs.library.listItems().map((i) => [i.name, i]));
  const year = Number(today.slice(0, 4));
  for (const d of DEMO) {
    const entries = d.items.flatMap((name) => {
      const item = items.get(name);
      return item ? [{ itemId: item.id, durationMs: item.durationMs }] : [];
    });
    if (entries.length === 0) continue;
    const playlist = s.programs.library.createPlaylist({ name: `${d.name} 节目单`, entries }, publicity);
    const y = `${year}-${d.to}` < today ? year + 1 : year;
    const campaign = s.programs.campaigns.create(
      {
        name: d.name,
        theme: d.theme,
        startDate: `${y}-${d.from}`,
        endDate: `${y}-${d.to}`,
        dayparts: d.dayparts,
        weekdays: [],
        excludedDates: [],
        targets: { all: true, hallIds: [], groupIds: [], screenIds: [] },
        priority: d.priority,
        playlistIds: [playlist.id],
        sharing: d.sharing,
      },
      publicity,
    );
    s.programs.campaigns.submit(campaign.id, publicity);
    s.programs.campaigns.approve(campaign.id, '演示数据', reviewer);
  }
}
