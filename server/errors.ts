/** An error meant for the user: a status, a stable code and a message that says what to do. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const badRequest = (code: string, message: string) => new AppError(400, code, message);
export const rateLimited = (retryAfterS: number, message: string) =>
  new AppError(429, 'rate_limited', message, { 'Retry-After': String(retryAfterS) });
