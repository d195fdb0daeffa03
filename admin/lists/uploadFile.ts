import { ApiError, api, errorFromResponse } from '../lib/api.js';

export interface Upload<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * POSTs a file as the raw body with its name in x-file-name (URI-encoded) and reports progress.
 * api.upload cannot set extra headers, so this mirrors it: same CSRF header, same ApiError.
 */
export function uploadFile<T>(path: string, file: File, onProgress: (fraction: number) => void): Upload<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', api.baseUrl + path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    const csrf = api.currentSession?.csrfToken;
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        return;
      }
      const err = errorFromResponse(xhr.status, xhr.responseText, xhr.getResponseHeader('retry-after'));
      // Let the shared client notice an expired session (it sends the app back to login).
      if (err.status === 401) api.get('/api/auth/session').catch(() => undefined);
      reject(err);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', '无法连接服务器，请检查网络连接后重试'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', '上传已取消'));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}
