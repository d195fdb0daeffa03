import type { ErrorCode } from '../../core/protocol/errors.js';

/**
 * The error codes the admin acts on itself, in one table; every other code is shown as it came,
 * with the server's message (it says what to do: `in_use` names the items that use a file).
 *   sign-in        the session is gone: back to the login page, then to the page the user was on
 *   refresh-token  the page's CSRF token is stale (a sign-in in another tab): read the session
 *                  again and send the write once more (the server did nothing with the refused one)
 *   change-password the first sign-in must set a password before anything else
 *   explain        a refusal the user meets in normal work: a title above the server's message
 */
export type ClientAction = 'sign-in' | 'refresh-token' | 'change-password' | 'explain';

export const CLIENT_ACTIONS: Partial<Record<ErrorCode, ClientAction>> = {
  unauthenticated: 'sign-in',
  session_expired: 'sign-in',
  account_disabled: 'sign-in',
  csrf_failed: 'refresh-token',
  password_change_required: 'change-password',
  four_eyes: 'explain',
  forbidden: 'explain',
};

/** The titles of the `explain` refusals. */
export const REFUSAL_TITLES: Partial<Record<ErrorCode, string>> = {
  four_eyes: '不能审核自己提交的批次',
  forbidden: '当前角色无权执行此操作',
};

export function clientActionOf(code: string): ClientAction | undefined {
  return CLIENT_ACTIONS[code as ErrorCode];
}

export function refusalTitle(code: string): string | undefined {
  return REFUSAL_TITLES[code as ErrorCode];
}
