import { Button, Empty, Flex, Image, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type CommandKind, type CommandResult, SnapshotData } from '../../core/protocol/events.js';
import { useNotifyError } from '../lib/notify.js';
import { useAdminEvents } from '../lib/socket.js';
import { useResource } from '../lib/useResource.js';
import { COMMAND_LABELS, COMMANDS, clockTime } from './format.js';
import { operationsApi } from './operationsApi.js';

const STATUS: Record<CommandResult['status'], { color: string; label: string }> = {
  ok: { color: 'success', label: '已执行' },
  error: { color: 'error', label: '失败' },
  timeout: { color: 'warning', label: '无应答（超时）' },
  offline: { color: 'default', label: '屏幕离线' },
};

/** What a result says, in words; a snapshot shows its picture, or that no agent runs. */
function ResultBody({ r }: { r: CommandResult }) {
  if (r.kind === 'snapshot') {
    const shot = SnapshotData.safeParse(r.data);
    if (r.status === 'ok' && shot.success) {
      return (
        <Space direction="vertical">
          <Image
            width={320}
            src={`${shot.data.url}?at=${shot.data.at}`}
            alt="屏幕截图"
            data-testid="snapshot-image"
          />
          <Typography.Text type="secondary">kiosk 代理截屏于 {clockTime(shot.data.at)}</Typography.Text>
        </Space>
      );
    }
    if (r.error?.code === 'no_agent' || r.error?.code === 'unsupported')
      return (
        <Typography.Text data-testid="snapshot-no-agent">
          该屏幕未运行 kiosk 代理，无法截屏（画面镜像依据上报状态绘制）
        </Typography.Text>
      );
  }
  if (r.error) return <Typography.Text type="secondary">{r.error.message}</Typography.Text>;
  if (r.data === undefined || r.data === null) return null;
  return (
    <Typography.Text type="secondary" code>
      {JSON.stringify(r.data).slice(0, 200)}
    </Typography.Text>
  );
}

/** Remote commands with their ack (or timeout), each result listed, newest first. */
export function CommandsPanel({ screenId, canOperate }: { screenId: string; canOperate: boolean }) {
  const load = useCallback(() => operationsApi.commands(screenId), [screenId]);
  const log = useResource(load);
  const [busy, setBusy] = useState<CommandKind | null>(null);
  const notifyError = useNotifyError();
  const add = (r: CommandResult) => log.setData((list) => [r, ...(list ?? []).filter((x) => x.id !== r.id)]);
  useAdminEvents({ 'command:result': (r) => r.screenId === screenId && add(r) });

  const send = async (kind: CommandKind) => {
    setBusy(kind);
    try {
      add(await operationsApi.command(screenId, kind));
    } catch (err) {
      notifyError(err, `${COMMAND_LABELS[kind]}失败`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {COMMANDS.map((c) => (
          <Tooltip key={c.kind} title={c.hint}>
            <Button
              size="small"
              loading={busy === c.kind}
              disabled={!canOperate || (busy !== null && busy !== c.kind)}
              onClick={() => void send(c.kind)}
              data-testid={`command-${c.kind}`}
            >
              {c.label}
            </Button>
          </Tooltip>
        ))}
      </Flex>
      <List
        size="small"
        dataSource={log.data ?? []}
        locale={{ emptyText: <Empty description="还没有发送过指令" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(r) => (
          <List.Item data-testid="command-result" data-kind={r.kind} data-status={r.status}>
            <Flex vertical gap={4}>
              <Space>
                <Typography.Text strong>{COMMAND_LABELS[r.kind]}</Typography.Text>
                <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>
                <Typography.Text type="secondary">
                  {clockTime(r.sentAt)}
                  {r.answeredAt ? ` · 应答 ${r.answeredAt - r.sentAt} 毫秒` : ''}
                </Typography.Text>
              </Space>
              <ResultBody r={r} />
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
