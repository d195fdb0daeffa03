import type { SessionInfo } from '../../core/protocol/rest.js';
import { formatDateTime } from '../lib/time.js';

/** The line shown after sign-in: the previous sign-in and the failed attempts since (等保 8.1.4.1). */
export function signInNotice(n: NonNullable<SessionInfo['notice']>): string {
  const before =
    n.previousAt === null
      ? '这是该账号的首次登录。'
      : `上次登录：${formatDateTime(n.previousAt)}，来自 ${n.previousIp ?? '未知地址'}。`;
  const failures =
    n.failedSince > 0
      ? `此后有 ${n.failedSince} 次失败的登录尝试，如非本人操作，请立即修改密码并告知安全管理员。`
      : '此后没有失败的登录尝试。';
  return before + failures;
}
