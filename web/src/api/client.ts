import { ApiError, networkError, toApiError } from './errors.ts';

/**
 * The one way the web app talks to the server. Every state-changing request carries the session's
 * CSRF token (from /api/auth/me or the login answer) in `x-csrf-token`; failures become ApiError
 * with a Vietnamese message.
 */
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request that needed a session got 401: the session ended elsewhere. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Raw text body (CSV import) with its content type. */
  text?: { content: string; contentType: string };
  /** Raw binary body (a PDF to check) with its content type. */
  binary?: { content: Blob; contentType: string };
  /** Do not report 401 to the unauthorized handler (the login and session probe expect it). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | Blob | undefined;
  if (options.binary) {
    headers['content-type'] = options.binary.contentType;
    body = options.binary.content;
  } else if (options.text) {
    headers['content-type'] = options.text.contentType;
    body = options.text.content;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
  if (!response.ok) {
    const parsed = await response.json().catch(() => undefined);
    const error = toApiError(response.status, parsed);
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw error;
  }
  return response;
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await response.text()) as T;
  return (await response.json()) as T;
}

/** A download (CSV export): the body as text plus the file name the server proposed. */
export async function download(path: string, query?: Query): Promise<{ text: string; fileName: string | null }> {
  const response = await send('GET', path, { query });
  const disposition = response.headers.get('content-disposition') ?? '';
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { text: await response.text(), fileName: m?.[1] ? decodeURIComponent(m[1]) : null };
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export { ApiError };

/** Uploads one file as the raw body (POST /api/files), its name percent-encoded in x-file-name. */
export async function uploadFile<T>(file: File): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-file-name': encodeURIComponent(file.name), 'content-type': file.type || 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch('/api/files', { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  return (await response.json()) as T;
}

/** The session's CSRF token, for the few requests not sent through `request` (raw file uploads). */
export function getCsrfToken(): string | null {
  return csrfToken;
}
