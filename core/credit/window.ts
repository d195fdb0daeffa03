import { formatChineseDate, formatMonths, parseIsoDate, periodEnd } from './dates.js';
import type { Issue } from './issue.js';
import { BLACK_2026_EFFECTIVE, BLACK_LEGACY, type Severity, type WindowRules } from './windowRules.js';

export type WindowIssueCode =
  | 'window_date'
  | 'window_severity'
  | 'window_not_published'
  | 'window_choice'
  | 'window_outside'
  | 'window_order';

export type WindowInput = {
  /** 'YYYY-MM-DD'; every window is counted from it. */
  decisionDate: string;
  /** Required by graded (black-list) rules, ignored by the others. */
  severity?: Severity;
  /** The category's rules; older decisions fall back to earlier rule sets by themselves. */
  rules: WindowRules;
  /** First day on display; defaults to the decision date and never extends the window. */
  publishFrom?: string;
  /** Last day on display, inclusive; must lie inside the rules' range. */
  publishUntil?: string;
};

export type PublicationWindow = { publishFrom: string; publishUntil: string; ruleSetVersion: string };
export type WindowResult =
  | ({ ok: true } & PublicationWindow)
  | { ok: false; errors: Issue<WindowIssueCode>[] };

// What the rules allow for one entry: durations in months, as closed ranges.
type Allowed = { ranges: { min: number; max: number }[]; defaultMonths?: number; label: string };

/**
 * The rule set that applies to a decision: categories keep their current rules, and decisions
 * taken before those rules were in force use the earlier set. Graded rules that name no
 * effective date are the 2026 black-list rules, preceded by BLACK_LEGACY.
 */
export function rulesFor(decisionDate: string, categoryRules: WindowRules): WindowRules {
  let rules = categoryRules;
  for (;;) {
    const graded = rules.kind === 'graded' && rules.effectiveFrom === undefined;
    const effectiveFrom = graded ? BLACK_2026_EFFECTIVE : rules.effectiveFrom;
    const previous = rules.previous ?? (graded ? BLACK_LEGACY : undefined);
    if (!effectiveFrom || !previous || decisionDate >= effectiveFrom) return rules;
    rules = previous;
  }
}

function allowedFor(rules: WindowRules, severity?: Severity): Allowed | Issue<WindowIssueCode> {
  if (rules.kind === 'range') {
    return {
      ranges: [{ min: rules.minMonths, max: rules.maxMonths }],
      defaultMonths: rules.defaultMonths,
      label: '',
    };
  }
  if (rules.kind === 'fixed') {
    return {
      ranges: rules.options.map((m) => ({ min: m, max: m })),
      defaultMonths: rules.defaultMonths,
      label: '',
    };
  }
  if (!severity) {
    return {
      code: 'window_severity',
      message: '失信行为须注明严重程度（轻微/一般/严重）才能确定公示期限，请补充',
    };
  }
  const rule = rules.bySeverity[severity];
  if ('publish' in rule && !rule.publish) {
    return { code: 'window_not_published', message: `${severity}失信行为按本类别规则不予公示，无需提交` };
  }
  return {
    ranges: [{ min: rule.minMonths, max: rule.maxMonths }],
    defaultMonths: rule.defaultMonths,
    label: severity,
  };
}

function describeAllowed(decisionDate: string, allowed: Allowed): string {
  const dates = allowed.ranges.map(({ min, max }) =>
    min === max
      ? formatChineseDate(periodEnd(decisionDate, min))
      : `${formatChineseDate(periodEnd(decisionDate, min))} 至 ${formatChineseDate(periodEnd(decisionDate, max))} 之间`,
  );
  const months = allowed.ranges.map(({ min, max }) =>
    min === max ? formatMonths(min) : `${formatMonths(min)}至${formatMonths(max)}`,
  );
  const prefix = allowed.label ? `${allowed.label}失信行为公示期限为` : '公示期限为';
  return `${dates.join(' 或 ')}（${prefix}${months.join('或')}，自认定之日起计算）`;
}

function dateErrors(input: WindowInput): Issue<WindowIssueCode>[] {
  const fields = [
    ['认定日期', input.decisionDate],
    ['公示开始日期', input.publishFrom],
    ['公示截止日期', input.publishUntil],
  ] as const;
  return fields
    .filter(([, value]) => value !== undefined && !parseIsoDate(value))
    .map(([label, value]) => ({
      code: 'window_date' as const,
      message: `${label}「${value}」不是有效日期，请按 YYYY-MM-DD 格式填写（如 2026-04-14）`,
    }));
}

function fail(...errors: Issue<WindowIssueCode>[]): WindowResult {
  return { ok: false, errors };
}

function orderError(publishUntil: string, publishFrom: string): Issue<WindowIssueCode> {
  return {
    code: 'window_order',
    message: `公示截止日期 ${formatChineseDate(publishUntil)} 早于公示开始日期 ${formatChineseDate(publishFrom)}，请调整`,
  };
}

function isAllowedEnd(decisionDate: string, allowed: Allowed, publishUntil: string): boolean {
  return allowed.ranges.some(
    ({ min, max }) =>
      periodEnd(decisionDate, min) <= publishUntil && publishUntil <= periodEnd(decisionDate, max),
  );
}

/**
 * Publication window of an entry under its category's rules. publishUntil is the last day on
 * display (3 months from 2026-01-15 -> 2026-04-14); an explicit one must be a day the rules
 * allow. The returned ruleSetVersion is the set actually applied, to record on the entry.
 */
export function publicationWindow(input: WindowInput): WindowResult {
  const bad = dateErrors(input);
  if (bad.length > 0) return fail(...bad);
  const { decisionDate } = input;
  const rules = rulesFor(decisionDate, input.rules);
  const allowed = allowedFor(rules, input.severity);
  if ('code' in allowed) return fail(allowed);
  const publishFrom = input.publishFrom ?? decisionDate;
  if (publishFrom < decisionDate) {
    return fail({
      code: 'window_order',
      message: `公示开始日期 ${formatChineseDate(publishFrom)} 早于认定日期 ${formatChineseDate(decisionDate)}，请调整`,
    });
  }
  const explicit = input.publishUntil;
  if (explicit !== undefined && explicit < publishFrom) return fail(orderError(explicit, publishFrom));
  if (explicit !== undefined && !isAllowedEnd(decisionDate, allowed, explicit)) {
    return fail({
      code: 'window_outside',
      message: `公示截止日期 ${formatChineseDate(explicit)} 不在允许范围内，应为 ${describeAllowed(decisionDate, allowed)}，请调整`,
    });
  }
  if (explicit === undefined && allowed.defaultMonths === undefined) {
    return fail({
      code: 'window_choice',
      message: `请选择公示截止日期：${describeAllowed(decisionDate, allowed)}`,
    });
  }
  const publishUntil = explicit ?? periodEnd(decisionDate, allowed.defaultMonths!);
  if (publishUntil < publishFrom) return fail(orderError(publishUntil, publishFrom));
  return { ok: true, publishFrom, publishUntil, ruleSetVersion: rules.ruleSetVersion };
}

/** Whether an entry is on display on `today` ('YYYY-MM-DD'): both ends inclusive. */
export function isWithinWindow(
  window: Pick<PublicationWindow, 'publishFrom' | 'publishUntil'>,
  today: string,
): boolean {
  return window.publishFrom <= today && today <= window.publishUntil;
}
