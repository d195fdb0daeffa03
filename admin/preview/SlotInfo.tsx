import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Descriptions, Typography } from 'antd';
import type { Preview } from '../../core/protocol/programs.js';
import { resolve } from '../../core/schedule/index.js';
import { dayjs } from '../../core/time.js';
import { KIND_LABELS } from '../screens/labels.js';

const REASONS = {
  emergency: '紧急通知（覆盖一切）',
  'lists-share': '信用名单保底时长',
  campaign: '宣传活动',
  default: '分组默认节目单',
} as const;

/** Why this item plays then, and whether the admin's own core/schedule agrees with the server's. */
export function SlotInfo({ preview }: { preview: Preview }) {
  const { manifest: m, slot } = preview;
  const local = resolve(m.schedule, { id: m.screenId, timezone: m.timezone }, preview.at);
  const agree = JSON.stringify(local) === JSON.stringify(slot);
  const item = slot && m.items.find((i) => i.id === slot.itemId);
  const time = (t: number) => dayjs(t).tz(m.timezone).format('HH:mm:ss');
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="时间">
        {dayjs(preview.at).tz(m.timezone).format('YYYY年M月D日 HH:mm')}（{m.timezone}）
      </Descriptions.Item>
      <Descriptions.Item label="原因">
        {slot ? REASONS[slot.reason] : '没有可播放的内容：显示内置海报'}
      </Descriptions.Item>
      {slot?.campaignId && (
        <Descriptions.Item label="宣传活动">
          {m.schedule.campaigns.find((c) => c.id === slot.campaignId)?.name ?? slot.campaignId}
        </Descriptions.Item>
      )}
      {item && (
        <Descriptions.Item label="内容">
          {item.name}（{KIND_LABELS[item.kind]}）
        </Descriptions.Item>
      )}
      {slot && (
        <Descriptions.Item label="本次播放">{`${time(slot.startsAt)} – ${time(slot.endsAt)}`}</Descriptions.Item>
      )}
      <Descriptions.Item label="与播放端一致">
        {agree ? (
          <Typography.Text type="success">
            <CheckCircleOutlined /> 播放端按同一清单在此时刻计算出相同的内容
          </Typography.Text>
        ) : (
          <Typography.Text type="warning">
            <WarningOutlined /> 本地计算结果与服务器不同，请刷新页面
          </Typography.Text>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
