import { Calendar, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Campaign, CampaignInput } from '../../core/protocol/programs.js';

/** Whether a campaign's dates (not its dayparts) include a day. */
function activeOn(c: CampaignInput, date: Dayjs): boolean {
  const d = date.format('YYYY-MM-DD');
  const weekday = date.day() === 0 ? 7 : date.day();
  if (d < c.startDate || d > c.endDate || c.excludedDates.includes(d)) return false;
  return c.weekdays.length === 0 || c.weekdays.includes(weekday);
}

/** The month at a glance: which campaigns run on each day (the approved version, else the draft, dashed). */
export function CampaignCalendar({ campaigns }: { campaigns: Campaign[] }) {
  const cell = (date: Dayjs) => {
    const here = campaigns.flatMap((c) => {
      const version = c.approved ?? c;
      return activeOn(version, date) ? [{ c, version, live: c.approved !== null }] : [];
    });
    return (
      <div>
        {here.map(({ c, version, live }) => (
          <Tooltip
            key={c.id}
            title={`${version.name}${version.dayparts.length ? `：${version.dayparts.map((p) => `${p.start}–${p.end}`).join('、')}` : '：全天'}${live ? '' : '（未批准）'}`}
          >
            <Tag
              color={live ? (version.priority === 'high' ? 'volcano' : 'blue') : undefined}
              variant={live ? 'filled' : 'outlined'}
              style={{
                display: 'block',
                marginBottom: 2,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                borderStyle: live ? undefined : 'dashed',
              }}
            >
              {version.name}
            </Tag>
          </Tooltip>
        ))}
      </div>
    );
  };
  return <Calendar cellRender={(date, info) => (info.type === 'date' ? cell(date) : info.originNode)} />;
}
