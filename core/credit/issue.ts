/**
 * A problem found in one value. `code` is stable (tests, i18n, UI grouping); `message` is for
 * the operator, in Chinese, says what is wrong and how to fix it, and never holds a full ID number.
 */
export type Issue<C extends string = string> = { code: C; message: string };
