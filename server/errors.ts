import type { ErrorCode } from '../core/protocol/errors.js';

/** An error meant for the user: a status, a stable code and a message that says what to do. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const unauthenticated = () => new AppError(401, 'unauthenticated', '请先登录');
export const forbidden = (message = '当前角色无权执行此操作，如需权限请联系系统管理员') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what: string) =>
  new AppError(404, 'not_found', `${what}不存在或已被删除，请刷新后重试`);
type Factory = (code: ErrorCode, message: string, headers?: Record<string, string>) => AppError;
const status =
  (n: number): Factory =>
  (code, message, headers) =>
    new AppError(n, code, message, headers);

/** One factory a status, each taking a code of the union and a message that says what to do. */
export const badRequest = status(400);
export const notSignedIn = status(401);
export const refused = status(403);
export const notFoundAs = status(404);
export const conflict = status(409);
export const gone = status(410);
export const tooLarge = status(413);
export const unsupportedType = status(415);
export const rangeNotSatisfiable = status(416);
export const unprocessable = status(422);
export const tooMany = status(429);
export const internalError = status(500);
export const unavailable = status(503);
export const rateLimited = (retryAfterS: number, message: string) =>
  new AppError(429, 'rate_limited', message, { 'Retry-After': String(retryAfterS) });

/** Four eyes: whoever made or changed the content cannot approve, publish or accept it. */
export const fourEyes = (message: string) => new AppError(403, 'four_eyes', message);
/** Still used elsewhere: the message names where, so the user knows what to change first. */
export const inUse = (message: string) => conflict('in_use', message);
/** A reference chosen in a form no longer exists (another user deleted it meanwhile). */
export const missingChoice = (code: 'hall_missing' | 'playlist_missing' | 'category_missing', what: string) =>
  new AppError(400, code, `所选${what}不存在，请刷新后重新选择`);
/** A pairing code past its time (or lost with a restart): the message says how to get a new one. */
export const codeExpired = (message: string) => new AppError(410, 'code_expired', message);
