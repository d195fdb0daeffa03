import { Flex, Progress, Typography } from 'antd';
import type { ImportProgress } from '../../../core/protocol/events.js';

const PHASE = { reading: '读取', checking: '校验' } as const;
const count = (n: number) => n.toLocaleString('zh-CN');

/** What the server is doing with the file once its bytes are sent: "正在读取第 12,000 / 100,000 行". */
export function serverStepText(step: ImportProgress | null): string {
  if (!step) return '文件已上传，正在读取…';
  return `正在${PHASE[step.phase]}第 ${count(step.done)} / ${count(step.total)} 行`;
}

/**
 * The upload's progress while its bytes are sent, then the server's reading and checking of the
 * rows (`import:progress`) until the preview arrives.
 */
export function ImportProgressBar({ sent, server }: { sent: number; server: ImportProgress | null }) {
  if (!server && sent < 1)
    return <Progress percent={Math.round(sent * 100)} status="active" data-testid="import-progress" />;
  const percent = server && server.total > 0 ? Math.floor((server.done / server.total) * 100) : 0;
  return (
    <Flex vertical gap={4} data-testid="import-progress">
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary" data-testid="import-server-step">
        {serverStepText(server)}
      </Typography.Text>
    </Flex>
  );
}
