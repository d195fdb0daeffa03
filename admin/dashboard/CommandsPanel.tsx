import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Flex, Image, List, Space, Tag, Tooltip, Typography } from 'antd';
import { type CommandKind, type CommandResult, SnapshotData } from '../../core/protocol/events.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { call } from '../lib/client.js';
import { liveQuery } from '../lib/liveCache.js';
import { putCommand } from '../lib/liveWriters.js';
import { useNotifyError } from '../lib/notify.js';
import { COMMAND_LABELS, COMMANDS, clockTime } from './format.js';

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

/**
 * Remote commands with their ack (or timeout), each result listed, newest first: the results of
 * other operators' commands arrive as `command:result` into the same cached log.
 */
export function CommandsPanel({ screenId, canOperate }: { screenId: string; canOperate: boolean }) {
  const log = useQuery(
    liveQuery(routes.screens.commands, { params: { id: screenId }, query: { limit: 20 } }),
  );
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const send = useMutation({
    mutationFn: (kind: CommandKind) =>
      call(routes.screens.command, { params: { id: screenId }, body: { kind } }),
    onSuccess: (r) => putCommand(queryClient, r),
    onError: (err, kind) => notifyError(err, `${COMMAND_LABELS[kind]}失败`),
  });
  const busy = send.isPending ? send.variables : null;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {COMMANDS.map((c) => (
          <Tooltip key={c.kind} title={c.hint}>
            <Button
              size="small"
              loading={busy === c.kind}
              disabled={!canOperate || (busy !== null && busy !== c.kind)}
              onClick={() => send.mutate(c.kind)}
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
