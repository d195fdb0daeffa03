import {
  BLACK_2026,
  BLACK_2026_SAFETY,
  BLACK_LEGACY,
  COURT_DISHONEST_DEBTOR,
  MARKET_REGULATION,
  RED_DEFAULT,
  WindowRules,
} from '../../core/credit/windowRules.js';

/** Rule sets an admin can start from; the text stays editable. */
export const WINDOW_PRESETS: { key: string; label: string; rules: WindowRules }[] = [
  { key: 'red-default', label: '红榜：自认定之日起 1 年', rules: RED_DEFAULT },
  { key: 'black-2026', label: '黑榜（2026-04-01 起）：一般 3-12 个月，严重 1-3 年', rules: BLACK_2026 },
  { key: 'black-2026-safety', label: '黑榜（安全生产、特种设备、消防）', rules: BLACK_2026_SAFETY },
  { key: 'black-legacy', label: '黑榜（旧规则）：3 个月至 3 年', rules: BLACK_LEGACY },
  { key: 'court', label: '失信被执行人：2 年，可延长 1-3 年', rules: COURT_DISHONEST_DEBTOR },
  { key: 'market', label: '市场监管行政处罚：3 个月或 3 年', rules: MARKET_REGULATION },
];

export function windowRulesText(rules: WindowRules): string {
  return JSON.stringify(rules, null, 2);
}

export type ParsedRules = { ok: true; rules: WindowRules } | { ok: false; message: string };

/** Parses the JSON textarea with the WindowRules schema; the message names the path in Chinese. */
export function parseWindowRules(text: string): ParsedRules {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: '不是有效的 JSON，请检查括号、引号和逗号' };
  }
  const result = WindowRules.safeParse(value);
  if (result.success) return { ok: true, rules: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.length ? `「${issue.path.join('.')}」` : '';
  return { ok: false, message: `公示期限规则有误${path}：${issue?.message ?? '格式不符'}` };
}
