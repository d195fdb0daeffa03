import type { Context } from 'koa';
import send from 'send';
import { AppError, notFound, rangeNotSatisfiable } from '../errors.js';

export interface SendFileOptions {
  /** What the file is, for the 404 message ("媒体文件"). */
  what: string;
  type: string;
  cache: string;
  /** A strong validator the caller knows (a content hash); otherwise `send` derives one from size and mtime. */
  etag?: string;
}

type SendError = Error & { status?: number; headers?: Record<string, string> };

function asAppError(err: SendError, what: string): AppError {
  if (err.status === 416)
    return rangeNotSatisfiable('range_not_satisfiable', '请求的范围超出文件大小', err.headers ?? {});
  if (err.status === 412) return new AppError(412, 'bad_state', '文件已变化，条件请求不成立，请重新获取');
  // 403 (a dot file, a path that climbs out of root), 400 (a malformed name) and 404 alike.
  return notFound(what);
}

/**
 * Serves `name` under `root` with the `send` library: single byte ranges (video seeking), 416,
 * ETag / Last-Modified and 304, HEAD. `send` writes the answer itself, so Koa is told not to
 * respond; failures before the first byte are thrown as AppErrors and rendered as every other
 * error. Nothing downstream can compress these answers (a 206 must never be): Koa never sees
 * their body.
 */
export function sendFile(ctx: Context, root: string, name: string, o: SendFileOptions): Promise<void> {
  // send leaves the status alone for a whole file, and Koa's is 404 until a body is set.
  ctx.status = 200;
  ctx.type = o.type;
  ctx.set('Cache-Control', o.cache);
  if (o.etag) ctx.set('ETag', o.etag);
  return new Promise((resolve, reject) => {
    const stream = send(ctx.req, name, {
      root,
      cacheControl: false,
      etag: !o.etag,
      dotfiles: 'deny',
      index: false,
    });
    stream.on('error', (err: SendError) => {
      if (!ctx.res.headersSent) return reject(asAppError(err, o.what));
      ctx.res.destroy(err);
    });
    const done = () => {
      ctx.respond = false;
      resolve();
    };
    ctx.res.once('finish', done);
    ctx.res.once('close', done);
    stream.pipe(ctx.res);
  });
}
