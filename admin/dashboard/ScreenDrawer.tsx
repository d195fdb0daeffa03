import { Descriptions, Divider, Drawer, Typography } from 'antd';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { formatDateTime } from '../lib/time.js';
import { CommandsPanel } from './CommandsPanel.js';
import { formatUptime } from './format.js';
import { LiveMirror } from './LiveMirror.js';
import { HealthBadge } from './ScreenTable.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** One screen: its status, a live mirror of what it shows, and remote commands. */
export function ScreenDrawer({
  screen,
  now,
  canOperate,
  onClose,
}: {
  screen: ScreenStatus;
  now: number;
  canOperate: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      open
      title={screen.name}
      size="large"
      onClose={onClose}
      destroyOnHidden
      data-testid="screen-drawer"
    >
      <LiveMirror screen={screen} now={now} />
      <Divider />
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label="状态">
          <HealthBadge screen={screen} />
        </Descriptions.Item>
        <Descriptions.Item label="大厅">
          {screen.hallName}
          {screen.groupName ? ` · ${screen.groupName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="版本号">
          应显示 {screen.revision} · 已收到 {screen.ackedRevision} · 已显示 {screen.renderedRevision}
        </Descriptions.Item>
        <Descriptions.Item label="最后在线">
          {screen.lastSeenAt ? formatDateTime(screen.lastSeenAt) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="本次连接">
          {screen.connectedAt ? formatDateTime(screen.connectedAt) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="运行时长">{formatUptime(screen.uptimeS)}</Descriptions.Item>
        <Descriptions.Item label="播放端版本">{screen.version || '—'}</Descriptions.Item>
        <Descriptions.Item label="分辨率">
          {screen.reportedCanvas
            ? `${screen.reportedCanvas.width}×${screen.reportedCanvas.height}（上报）`
            : ''}
          {` ${screen.canvas.width}×${screen.canvas.height}（配置）`}
        </Descriptions.Item>
        <Descriptions.Item label="缓存">
          {screen.cache ? `${screen.cache.items} 项 · ${mb(screen.cache.bytes)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="错误">
          {screen.errors}
          {screen.lastError && (
            <Typography.Text type="secondary">
              {' '}
              最近：{screen.lastError.code} {screen.lastError.message}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Divider titlePlacement="start">远程指令</Divider>
      <CommandsPanel screenId={screen.id} canOperate={canOperate} />
    </Drawer>
  );
}
