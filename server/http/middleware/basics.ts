import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { badRequest, tooLarge } from '../../errors.js';

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

/** The ws: or wss: origin a page may open its sockets to (the public URL's, else the request's own). */
function socketOrigin(publicUrl: string | undefined, host: string, tls: boolean): string {
  if (publicUrl) {
    const u = new URL(publicUrl);
    return `${u.protocol === 'https:' ? 'wss' : 'ws'}://${u.host}`;
  }
  return `${tls ? 'wss' : 'ws'}://${host}`;
}

/**
 * Security headers on every response, error replies included (401/403/400/413/429 are thrown
 * past this middleware, so the headers are set before `next`); HSTS under TLS. The apps load
 * nothing from other origins and open sockets only to this server.
 */
export function securityHeaders(opts: { tls: boolean; publicUrl?: string; hstsMaxAgeS: number }): Middleware {
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (opts.tls) ctx.set('Strict-Transport-Security', `max-age=${opts.hstsMaxAgeS}`);
    // A Host with anything but host[:port] characters is not echoed into the policy.
    const host = /^[\w.[\]:-]+$/.test(ctx.host) ? ctx.host : '';
    const sockets = host || opts.publicUrl ? ` ${socketOrigin(opts.publicUrl, host, opts.tls)}` : '';
    ctx.set(
      'Content-Security-Policy',
      `default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'${sockets}; frame-ancestors 'none'; object-src 'none'; base-uri 'self'`,
    );
    await next();
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
        throw tooLarge('body_too_large', `请求内容超过 ${Math.round(maxBytes / 1024)} KB 上限`);
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      ctx.state.body = text.length ? JSON.parse(text) : {};
    } catch {
      throw badRequest('invalid_json', '请求内容不是有效的 JSON，请检查格式');
    }
    return next();
  };
}
