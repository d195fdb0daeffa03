import type { HTMLAttributes } from 'react';

/**
 * A table row's attributes for onRow: its data-testid and data-* values (tests find rows by
 * them), plus any handlers; antd types onRow's answer loosely, hence the one cast here.
 */
export function rowAttrs(
  testId: string,
  data: Record<string, string | number>,
  rest: HTMLAttributes<HTMLElement> = {},
): HTMLAttributes<HTMLElement> {
  const attrs: Record<string, unknown> = { 'data-testid': testId, ...rest };
  for (const [key, value] of Object.entries(data)) attrs[`data-${key}`] = value;
  return attrs as HTMLAttributes<HTMLElement>;
}

/** A row that opens something when clicked. */
export const clickable = (onClick: HTMLAttributes<HTMLElement>['onClick']): HTMLAttributes<HTMLElement> => ({
  style: { cursor: 'pointer' },
  onClick,
});
