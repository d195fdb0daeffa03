import { Alert, Flex, Typography } from 'antd';
import { type Takedown, WITHDRAW_KIND_LABELS } from '../../core/protocol/credit.js';
import { takedownPath } from './takedownPaths.js';

/** What a withdrawal did: which entries left the screens and how many screens must confirm. */
export function TakedownResult({ takedowns }: { takedowns: Takedown[] }) {
  const screens = takedowns.reduce((n, t) => Math.max(n, t.screens), 0);
  return (
    <Flex vertical gap={8}>
      <Alert
        type="success"
        showIcon
        title={`已撤下 ${takedowns.length} 条名单`}
        description={
          screens > 0
            ? `已通知 ${screens} 块屏幕立即移除；各屏幕确认情况见撤下记录（法定时限为 3 个工作日）`
            : '当前没有屏幕在显示这些条目'
        }
        data-testid="takedown-result"
      />
      {takedowns.map((t) => (
        <Flex key={t.id} justify="space-between" gap={8} data-testid="takedown-result-row">
          <Typography.Text>
            {t.entryName}（{t.categoryName}）· {WITHDRAW_KIND_LABELS[t.kind]} · 已确认 {t.confirmed}/
            {t.screens}
          </Typography.Text>
          <a href={`#${takedownPath(t.id)}`} data-testid="takedown-link">
            查看屏幕确认
          </a>
        </Flex>
      ))}
    </Flex>
  );
}
