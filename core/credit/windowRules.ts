import { z } from 'zod';

export const Severity = z.enum(['轻微', '一般', '严重']);
export type Severity = z.infer<typeof Severity>;

/** Durations in whole months, counted from the decision date. */
export type MonthRange = { minMonths: number; maxMonths: number; defaultMonths: number };
/** Minor (轻微) black-list cases are not published unless a category says so. */
export type MinorRule = { publish: false } | ({ publish: true } & MonthRange);

type Common = {
  /** Recorded on each entry, so that its window can be explained later. */
  ruleSetVersion: string;
  /** Decisions before this date fall back to `previous`. */
  effectiveFrom?: string;
  previous?: WindowRules;
};

/** Any end between min and max; no end given -> default. */
export type RangeRules = Common & MonthRange & { kind: 'range' };
/** A range per severity (black list from 2026-04-01). */
export type GradedRules = Common & {
  kind: 'graded';
  bySeverity: { 轻微: MinorRule; 一般: MonthRange; 严重: MonthRange };
};
/** One of a few fixed durations; without a default the operator must choose. */
export type FixedRules = Common & { kind: 'fixed'; options: number[]; defaultMonths?: number };

export type WindowRules = RangeRules | GradedRules | FixedRules;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Months = z.number().int().min(1).max(120);
const rangeShape = { minMonths: Months, maxMonths: Months, defaultMonths: Months };
const rangeOk = (r: MonthRange) => r.minMonths <= r.defaultMonths && r.defaultMonths <= r.maxMonths;
const RANGE_MESSAGE = '公示期限应满足：最短 ≤ 默认 ≤ 最长';
const MonthRangeSchema = z.object(rangeShape).refine(rangeOk, RANGE_MESSAGE);
const common = {
  ruleSetVersion: z.string().min(1),
  effectiveFrom: IsoDate.optional(),
  previous: z.lazy(() => WindowRules).optional(),
};

/** Window rules as a category stores them (admin input is parsed with this). */
export const WindowRules: z.ZodType<WindowRules> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('range'), ...common, ...rangeShape }).refine(rangeOk, RANGE_MESSAGE),
  z.object({
    kind: z.literal('graded'),
    ...common,
    bySeverity: z.object({
      轻微: z.discriminatedUnion('publish', [
        z.object({ publish: z.literal(false) }),
        z.object({ publish: z.literal(true), ...rangeShape }).refine(rangeOk, RANGE_MESSAGE),
      ]),
      一般: MonthRangeSchema,
      严重: MonthRangeSchema,
    }),
  }),
  z
    .object({
      kind: z.literal('fixed'),
      ...common,
      options: z.array(Months).min(1),
      defaultMonths: Months.optional(),
    })
    .refine(
      (r) => r.defaultMonths === undefined || r.options.includes(r.defaultMonths),
      '默认期限应为可选期限之一',
    ),
]);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** When the graded black-list rules took over from BLACK_LEGACY. */
export const BLACK_2026_EFFECTIVE = '2026-04-01';

/** Black list, decisions before 2026-04-01: 3 months to 3 years; display stops at the maximum. */
export const BLACK_LEGACY: RangeRules = deepFreeze({
  kind: 'range',
  ruleSetVersion: 'black-legacy',
  minMonths: 3,
  maxMonths: 36,
  defaultMonths: 36,
});

/** Legacy rules for special equipment, work safety and fire safety: at least 1 year. */
export const BLACK_LEGACY_SAFETY: RangeRules = deepFreeze({
  kind: 'range',
  ruleSetVersion: 'black-legacy-safety',
  minMonths: 12,
  maxMonths: 36,
  defaultMonths: 36,
});

/** Black list from 2026-04-01: 轻微 not published, 一般 3-12 months, 严重 1-3 years. */
export const BLACK_2026: GradedRules = deepFreeze({
  kind: 'graded',
  ruleSetVersion: 'black-2026',
  effectiveFrom: BLACK_2026_EFFECTIVE,
  previous: BLACK_LEGACY,
  bySeverity: {
    轻微: { publish: false },
    一般: { minMonths: 3, maxMonths: 12, defaultMonths: 12 },
    严重: { minMonths: 12, maxMonths: 36, defaultMonths: 36 },
  },
});

/** BLACK_2026 for safety categories, whose older decisions keep the 1-year minimum. */
export const BLACK_2026_SAFETY: GradedRules = deepFreeze({ ...BLACK_2026, previous: BLACK_LEGACY_SAFETY });

/** Court dishonest-debtor list: 2 years, or 3-5 years where the court extends it by 1-3 years. */
export const COURT_DISHONEST_DEBTOR: FixedRules = deepFreeze({
  kind: 'fixed',
  ruleSetVersion: 'court-dishonest-debtor',
  options: [24, 36, 48, 60],
  defaultMonths: 24,
});

/** Market-regulation penalties: 3 months (通报批评, small fines) or 3 years; the operator chooses. */
export const MARKET_REGULATION: FixedRules = deepFreeze({
  kind: 'fixed',
  ruleSetVersion: 'market-regulation',
  options: [3, 36],
});

/** Red list: one year from the decision; a shorter window only favours the subject. */
export const RED_DEFAULT: RangeRules = deepFreeze({
  kind: 'range',
  ruleSetVersion: 'red-default',
  minMonths: 1,
  maxMonths: 12,
  defaultMonths: 12,
});
