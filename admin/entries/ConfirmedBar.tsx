import { Progress, Typography } from 'antd';
import type { Takedown } from '../../core/protocol/credit.js';
import { formatDate, formatDateTime } from '../lib/time.js';

/** Confirmed screens out of all, as a bar; full means every screen has dropped the entry. */
export function ConfirmedBar({ takedown }: { takedown: Pick<Takedown, 'screens' | 'confirmed'> }) {
  const { screens, confirmed } = takedown;
  if (screens === 0) return <Typography.Text type="secondary">无需屏幕确认</Typography.Text>;
  return (
    <Progress
      percent={Math.round((confirmed / screens) * 100)}
      size="small"
      format={() => `${confirmed}/${screens}`}
      status={confirmed >= screens ? 'success' : 'active'}
      style={{ width: 160 }}
      data-testid="takedown-confirmed"
    />
  );
}

/** The deadline as the contract sends it: a date (YYYY-MM-DD, read in Beijing time) or an instant. */
export function formatDeadline(deadline: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return formatDate(Date.parse(`${deadline}T12:00:00+08:00`));
  const at = Date.parse(deadline);
  return Number.isNaN(at) ? deadline : formatDateTime(at);
}
