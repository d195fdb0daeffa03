import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { ErrorBody } from '../../../core/protocol/rest.js';
import { TEXT_INVALID } from '../../../core/protocol/text.js';
import { AppError, notFoundAs } from '../../errors.js';

// Free text refused by core/protocol/text.ts (e.g. a flood of combining marks) has its own code.
const isTextInvalid = (i: { code: string; params?: unknown }) =>
  i.code === 'custom' && (i.params as { code?: string } | undefined)?.code === TEXT_INVALID;

/** The one place errors become responses: `{ error: { code, message, issues? } }`. */
export function errorMiddleware(log: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw notFoundAs('not_found', `找不到 ${ctx.path}，请检查地址`);
      }
    } catch (err) {
      let body: ErrorBody;
      if (err instanceof AppError) {
        ctx.status = err.status;
        for (const [k, v] of Object.entries(err.headers)) ctx.set(k, v);
        body = { error: { code: err.code, message: err.message } };
      } else if (err instanceof ZodError) {
        ctx.status = 400;
        body = {
          error: {
            code: err.issues.some(isTextInvalid) ? TEXT_INVALID : 'invalid_input',
            message: `输入有误：${err.issues.map((i) => `${i.path.join('.') || '请求'} ${i.message}`).join('；')}`,
            issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        };
      } else {
        ctx.status = 500;
        log.error({ err, reqId: ctx.state.reqId }, 'unhandled error');
        body = {
          error: { code: 'internal', message: '服务器内部错误，请稍后重试；如果持续出现，请联系系统管理员' },
        };
      }
      ctx.body = body;
    }
  };
}
