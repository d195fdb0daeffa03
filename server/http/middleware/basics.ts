import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { AppError } from '../../errors.js';

/** A request id on every request and one JSON log line per response. */
export function requestLog(log: Logger): Middleware {
  return async (ctx, next) => {
    const reqId = ctx.get('x-request-id').slice(0, 64) || randomUUID();
    ctx.state.reqId = reqId;
    ctx.set('X-Request-Id', reqId);
    const started = performance.now();
    try {
      await next();
    } finally {
      log.info(
        {
          reqId,
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  };
}

/** Security headers; the apps load nothing from other origins. */
export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    await next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    );
  };
}

/** Parses JSON bodies of writes, within a size limit; malformed JSON is a 400. */
export function jsonBody(maxBytes: number): Middleware {
  return async (ctx, next) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(ctx.method) || !ctx.is('application/json'))
      return next();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of ctx.req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes)
        throw new AppError(413, 'body_too_large', `请求内容超过 ${Math.round(maxBytes / 1024)} KB 上限`);
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      ctx.state.body = text.length ? JSON.parse(text) : {};
    } catch {
      throw new AppError(400, 'invalid_json', '请求内容不是有效的 JSON，请检查格式');
    }
    return next();
  };
}
