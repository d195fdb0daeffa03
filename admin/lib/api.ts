import { type ErrorCode, errorCodeOr } from '../../core/protocol/errors.js';
import { type ErrorBody, IDLE_HEADER, type SessionInfo } from '../../core/protocol/rest.js';
import { auth } from '../../core/protocol/routes/access.js';
import { idleMs } from './activity.js';
import { clientActionOf } from './errorActions.js';

export type Issue = NonNullable<ErrorBody['error']['issues']>[number];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Failures the client itself names: no answer, a cancelled upload, a non-JSON reply. */
export type ClientErrorCode = 'network_error' | 'aborted' | 'client_error' | `http_${number}`;

/** A failed request, carrying the server's stable code and its user-facing Chinese message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly issues: Issue[] = [],
    /** Seconds from Retry-After (429), when the server sent it. */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
  }
}

/** Wraps anything thrown into an ApiError so pages can show one kind of error. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'client_error', err instanceof Error ? err.message : String(err));
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** Builds an ApiError from a failed response's status, raw text and Retry-After header. */
export function errorFromResponse(status: number, text: string, retryAfter: string | null): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: a proxy page or an empty body.
  }
  const retry = parseRetryAfter(retryAfter);
  if (isErrorBody(body)) {
    const { code, message, issues } = body.error;
    // A code this client does not know (a newer server) still shows the server's message.
    return new ApiError(status, errorCodeOr(code, 'internal'), message, issues ?? [], retry);
  }
  return new ApiError(
    status,
    `http_${status}`,
    `服务器暂时无法处理请求（HTTP ${status}），请稍后重试`,
    [],
    retry,
  );
}

const KEEP_ALIVE_MS = 60_000;
const NETWORK_ERROR = '无法连接服务器，请检查网络连接后重试';

export interface UploadOptions {
  method?: 'POST' | 'PUT';
  /** Sent URI-encoded in x-file-name (the server keeps it, masked, with the upload). */
  fileName?: string;
  /** Called with 0..1 as the body goes out. */
  onProgress?: (fraction: number) => void;
}

/** JSON client for /api: same-origin cookie, CSRF header on writes, errors thrown as ApiError. */
export class ApiClient {
  private session: SessionInfo | null = null;
  private readonly unauthorized = new Set<(err: ApiError) => void>();
  private lastRequestAt = 0;

  /** baseUrl is '' in the browser (same origin); tests point it at a local server. */
  constructor(public baseUrl = '') {}

  get currentSession(): SessionInfo | null {
    return this.session;
  }

  setSession(session: SessionInfo | null): void {
    this.session = session;
  }

  /** Called when the session is gone (401 other than bad credentials); returns an unsubscribe. */
  onUnauthorized(fn: (err: ApiError) => void): () => void {
    this.unauthorized.add(fn);
    return () => this.unauthorized.delete(fn);
  }

  /**
   * The user is at the page (typing a long form, say) but nothing was sent for a minute: tell
   * the server, so the session's idle time starts again and the live view stays open.
   */
  keepAlive(): void {
    if (!this.session || performance.now() - this.lastRequestAt < KEEP_ALIVE_MS) return;
    this.request('GET', auth.session.path).catch(() => undefined);
  }

  private baseHeaders(method: string): Record<string, string> {
    this.lastRequestAt = performance.now();
    return { accept: 'application/json', [IDLE_HEADER]: String(idleMs()), ...this.csrfHeader(method) };
  }

  /** One JSON request; admin/lib/client.ts `call` is the typed way in (paths from the route table). */
  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const text = await (await this.send(method, path, body)).text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A request whose answer is a file (an export, a template). */
  async requestBlob(method: Method, path: string, body?: unknown): Promise<Blob> {
    return (await this.send(method, path, body)).blob();
  }

  private async send(method: Method, path: string, body: unknown, retried = false): Promise<Response> {
    const headers = this.baseHeaders(method);
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network_error', NETWORK_ERROR);
    }
    if (!res.ok) {
      const text = await res.text();
      const err = errorFromResponse(res.status, text, res.headers.get('retry-after'));
      if (!retried && clientActionOf(err.code) === 'refresh-token' && (await this.refreshToken()))
        return this.send(method, path, body, true);
      throw this.fail(err);
    }
    return res;
  }

  /** Sends a file or form with upload progress (fetch cannot report it); abort() cancels. */
  upload<T>(path: string, body: FormData | Blob, options: UploadOptions = {}) {
    const xhr = new XMLHttpRequest();
    const promise = new Promise<T>((resolve, reject) => {
      xhr.open(options.method ?? 'POST', this.baseUrl + path);
      for (const [k, v] of Object.entries(this.baseHeaders('POST'))) xhr.setRequestHeader(k, v);
      if (options.fileName) xhr.setRequestHeader('x-file-name', encodeURIComponent(options.fileName));
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
          return;
        }
        const retry = xhr.getResponseHeader('retry-after');
        reject(this.fail(errorFromResponse(xhr.status, xhr.responseText, retry)));
      };
      xhr.onerror = () => reject(new ApiError(0, 'network_error', NETWORK_ERROR));
      xhr.onabort = () => reject(new ApiError(0, 'aborted', '上传已取消'));
      xhr.send(body);
    });
    return { promise, abort: () => xhr.abort() };
  }

  /** Reads the session again for its current CSRF token; false when there is none. */
  private async refreshToken(): Promise<boolean> {
    try {
      this.session = await this.request<SessionInfo>('GET', auth.session.path);
      return true;
    } catch {
      return false;
    }
  }

  private csrfHeader(method: string): Record<string, string> {
    if (method === 'GET' || !this.session) return {};
    return { 'x-csrf-token': this.session.csrfToken };
  }

  // A 401 means the session ended (CLIENT_ACTIONS' sign-in), except a wrong password (login or password change).
  private fail(err: ApiError): ApiError {
    if (err.status === 401 && err.code !== 'invalid_credentials') {
      this.session = null;
      for (const fn of this.unauthorized) fn(err);
    }
    return err;
  }
}

/** The app's one client. */
export const api = new ApiClient();
