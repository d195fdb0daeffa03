import { WarningOutlined } from '@ant-design/icons';
import { Alert, Flex, Tag, Tooltip, Typography } from 'antd';
import type { Manifest } from '../../core/manifest/types.js';
import type { WeekHour, WeekView, WinnerSpan } from '../../core/schedule/index.js';
import { addDays, dayjs } from '../../core/time.js';

const PALETTE = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96', '#a0d911', '#2f54eb'];
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Who owns most of an hour's non-list airtime. */
function mainWinner(h: WeekHour): WinnerSpan | undefined {
  const total = new Map<string, { span: WinnerSpan; ms: number }>();
  for (const w of h.winners) {
    const key = w.emergencyId ?? w.campaignId ?? w.reason;
    const cur = total.get(key) ?? { span: w, ms: 0 };
    cur.ms += w.endsAt - w.startsAt;
    total.set(key, cur);
  }
  return [...total.values()].sort((a, b) => b.ms - a.ms)[0]?.span;
}

/** The week at a glance: each hour's winner, the lists' share, and same-priority collisions. */
export function WeekGrid({ view, manifest }: { view: WeekView; manifest: Manifest }) {
  const campaigns = manifest.schedule.campaigns;
  const color = (id: string) =>
    PALETTE[
      Math.max(
        0,
        campaigns.findIndex((c) => c.id === id),
      ) % PALETTE.length
    ];
  const name = (w: WinnerSpan | undefined) => {
    if (!w) return '';
    if (w.reason === 'emergency') return '紧急通知';
    if (w.reason === 'campaign') return campaigns.find((c) => c.id === w.campaignId)?.name ?? '活动';
    return w.reason === 'default' ? '默认节目单' : '仅名单';
  };
  const cells = new Map<string, WeekHour>();
  for (const h of view.hours) if (!cells.has(`${h.date}:${h.hour}`)) cells.set(`${h.date}:${h.hour}`, h);
  const days = Array.from({ length: 7 }, (_, i) => addDays(view.weekStart, i));
  const fmt = (t: number) => dayjs(t).tz(view.timezone).format('M月D日 HH:mm');

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {campaigns.map((c) => (
          <Tag key={c.id} color={color(c.id)}>
            {c.name}
            {c.priority === 'high' ? '（高）' : ''}
          </Tag>
        ))}
        <Tag color="red">紧急通知</Tag>
        <Tag>默认节目单</Tag>
        <Typography.Text type="secondary">格内百分比为信用名单在该小时实际获得的播放比例</Typography.Text>
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', fontSize: 12, width: '100%' }} data-testid="week-grid">
          <thead>
            <tr>
              <th style={{ width: 48 }} />
              {days.map((d, i) => (
                <th key={d} style={{ padding: 4 }}>
                  周{WEEKDAYS[i]} {d.slice(5)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {HOURS.map((hour) => (
              <tr key={hour}>
                <td style={{ padding: '0 4px', color: '#999' }}>{String(hour).padStart(2, '0')}:00</td>
                {days.map((d) => {
                  const h = cells.get(`${d}:${hour}`);
                  const w = h && mainWinner(h);
                  const bg = !w
                    ? '#fafafa'
                    : w.reason === 'emergency'
                      ? '#ff4d4f'
                      : w.reason === 'campaign'
                        ? color(w.campaignId ?? '')
                        : '#d9d9d9';
                  const collide = (h?.collisions.length ?? 0) > 0;
                  return (
                    <td key={d} style={{ padding: 1 }}>
                      <Tooltip
                        title={
                          h
                            ? `${name(w)} · 名单 ${Math.round(h.listsShare * 100)}%${collide ? ` · ${h.collisions[0]?.message}` : ''}`
                            : '无'
                        }
                      >
                        <div
                          style={{
                            background: bg,
                            color: w?.reason === 'default' || !w ? '#333' : '#fff',
                            height: 22,
                            borderRadius: 3,
                            padding: '0 4px',
                            outline: collide ? '2px solid #faad14' : undefined,
                            display: 'flex',
                            justifyContent: 'space-between',
                            alignItems: 'center',
                          }}
                        >
                          <span>{collide && <WarningOutlined />}</span>
                          <span>{h ? `${Math.round(h.listsShare * 100)}%` : ''}</span>
                        </div>
                      </Tooltip>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.collisions.map((c) => (
        <Alert
          key={`${c.campaignIds.join(':')}:${c.startsAt}`}
          type="warning"
          showIcon
          title={`${fmt(c.startsAt)} – ${fmt(c.endsAt)}：${c.message}`}
        />
      ))}
    </Flex>
  );
}
