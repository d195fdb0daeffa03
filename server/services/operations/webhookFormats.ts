import { createHmac } from 'node:crypto';
import type { Alert } from '../../../core/protocol/events.js';
import { dayjs } from '../../../core/time.js';

export type WebhookFormat = 'generic' | 'wecom' | 'dingtalk';
export interface WebhookTarget {
  format: WebhookFormat;
  url: string;
}

/** What an alert webhook tells: a screen went dark, or came back. */
export interface AlertNotice {
  event: 'alert.raised' | 'alert.cleared';
  alert: Alert;
  timezone: string;
}

/**
 * Parses HALLCAST_ALERT_WEBHOOKS: URLs separated by commas or spaces, each optionally prefixed
 * `wecom=` or `dingtalk=` for those robots' message formats; anything else is generic JSON.
 */
export function parseWebhooks(spec: string): WebhookTarget[] {
  return spec
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((entry): WebhookTarget[] => {
      const m = /^(generic|wecom|dingtalk)=(.+)$/.exec(entry);
      const format = (m?.[1] ?? 'generic') as WebhookFormat;
      const url = m?.[2] ?? entry;
      return /^https?:\/\//.test(url) ? [{ format, url }] : [];
    });
}

const at = (ms: number | null, tz: string) =>
  ms === null ? '未知' : dayjs(ms).tz(tz).format('YYYY-MM-DD HH:mm');

function minutes(ms: number): string {
  const m = Math.max(1, Math.round(ms / 60_000));
  return m >= 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分钟` : `${m} 分钟`;
}

/** The notice as plain lines: title first. */
export function noticeLines(n: AlertNotice): { title: string; lines: string[] } {
  const a = n.alert;
  if (n.event === 'alert.raised') {
    return {
      title: `屏幕离线：${a.screenName}`,
      lines: [
        `大厅：${a.hallName}`,
        `屏幕：${a.screenName}`,
        `最后在线：${at(a.lastSeenAt, n.timezone)}`,
        `告警时间：${at(a.at, n.timezone)}`,
        a.message,
      ],
    };
  }
  const since = a.lastSeenAt ?? a.at;
  return {
    title: `屏幕恢复：${a.screenName}`,
    lines: [
      `大厅：${a.hallName}`,
      `屏幕：${a.screenName}`,
      `恢复时间：${at(a.clearedAt, n.timezone)}`,
      `离线约 ${minutes((a.clearedAt ?? a.at) - since)}`,
    ],
  };
}

/** The request body for a target's format. */
export function webhookBody(format: WebhookFormat, n: AlertNotice, sentAt: number): unknown {
  const { title, lines } = noticeLines(n);
  const raised = n.event === 'alert.raised';
  if (format === 'wecom') {
    const head = `### <font color="${raised ? 'warning' : 'info'}">HallCast ${title}</font>`;
    return { msgtype: 'markdown', markdown: { content: [head, ...lines.map((l) => `> ${l}`)].join('\n') } };
  }
  if (format === 'dingtalk') {
    const text = [`### HallCast ${title}`, ...lines.map((l) => `- ${l}`)].join('\n\n');
    return { msgtype: 'markdown', markdown: { title: `HallCast ${title}`, text } };
  }
  return { event: n.event, title, text: lines.join('\n'), alert: n.alert, sentAt };
}

/** DingTalk's 加签: the URL gains timestamp and sign when a secret is configured. */
export function signDingtalk(url: string, secret: string | undefined, now: number): string {
  if (!secret) return url;
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const sep = url.includes('?') ? '&' : '?';
  return `${url}${sep}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}
