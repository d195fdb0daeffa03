import { Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChangeProgress } from '../../core/protocol/events.js';
import { formatRelative } from '../lib/time.js';
import { ChangeDrawer } from './ChangeDrawer.js';
import { CHANGE_KIND_LABELS, formatMs, progressText } from './format.js';

function ChangeRow({ p, now, onOpen }: { p: ChangeProgress; now: number; onOpen: () => void }) {
  const percent = p.total === 0 ? 100 : Math.round((p.rendered / p.total) * 100);
  const status = p.timedOut > 0 ? 'exception' : p.rendered === p.total ? 'success' : 'active';
  return (
    <List.Item
      onClick={onOpen}
      style={{ cursor: 'pointer', display: 'block' }}
      data-testid="change-progress"
      data-change-id={p.changeId}
    >
      <Space size={4} wrap>
        <Tag color={p.kind === 'withdrawal' || p.kind === 'correction' ? 'red' : 'blue'}>
          {CHANGE_KIND_LABELS[p.kind] ?? p.kind}
        </Tag>
        <Typography.Text ellipsis style={{ maxWidth: 360 }}>
          {p.summary}
        </Typography.Text>
        <Typography.Text type="secondary">{formatRelative(p.createdAt, now)}</Typography.Text>
      </Space>
      <Progress percent={percent} status={status} size="small" showInfo={false} />
      <Space size={12} wrap>
        <Typography.Text strong data-testid="change-progress-text">
          {progressText(p)}
        </Typography.Text>
        <Typography.Text type="secondary">
          p50 {formatMs(p.p50Ms)} · p99 {formatMs(p.p99Ms)}
          {p.slowest ? ` · 最慢 ${p.slowest.screenName}（${formatMs(p.slowest.ms)}）` : ''}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

/** Recent changes and how far each has reached the screens, live. */
export function ChangesPanel({ changes, now }: { changes: ChangeProgress[]; now: number }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card title="变更生效情况" size="small">
      <List
        dataSource={changes}
        locale={{ emptyText: <Empty description="最近没有变更" /> }}
        renderItem={(p) => <ChangeRow p={p} now={now} onOpen={() => setOpen(p.changeId)} />}
      />
      {open && <ChangeDrawer changeId={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
