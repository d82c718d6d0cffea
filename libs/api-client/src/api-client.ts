import { APPROVAL_HEADER } from '@pos/contracts/constants';
import { v7 as uuidv7 } from 'uuid';
import { ApiError, networkError } from './api-error';

export interface ApiClientOptions {
  /** '' for the same origin. */
  baseUrl?: string;
  getToken(): string | null | undefined;
  /** Called on a 401 so the shell can return to the PIN pad. */
  onUnauthorized?(): void;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Sent as Idempotency-Key; mutating calls get a fresh UUID v7 when none is given. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /**
   * A supervisor's inline approval token (`HostApi.requestApproval`), sent as `X-Approval` with
   * this one command: the server lends its permission to it and spends it.
   */
  approval?: string;
}

export interface ApiClient {
  request<T>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  /**
   * A GET whose answer is not JSON (a report's HTML or PDF), as a Blob, with the same bearer token
   * and the same problem+json → ApiError on failure. `accept` says which type is wanted. Lets a
   * remote download a file that needs the staff's auth (then `URL.createObjectURL`).
   */
  getBlob(path: string, options?: RequestOptions & { accept?: string }): Promise<Blob>;
}

export const newRequestId = (): string => uuidv7();

/** The one typed fetch client: bearer token, idempotency keys, problem+json → ApiError. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  async function request<T>(method: string, path: string, body?: unknown, req: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['idempotency-key'] = req.idempotencyKey ?? newRequestId();
    if (req.approval && method !== 'GET') headers[APPROVAL_HEADER] = req.approval;
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: req.signal,
      });
    } catch (error) {
      throw networkError(error);
    }
    const text = await response.text();
    const data = text ? safeJson(text) : undefined;
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.();
      const problem = data && typeof data === 'object' && 'code' in data
        ? (data as ApiError['problem'])
        : { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status, code: 'http' };
      throw new ApiError(response.status, problem);
    }
    return data as T;
  }
  async function getBlob(path: string, req: RequestOptions & { accept?: string } = {}): Promise<Blob> {
    const headers: Record<string, string> = { accept: req.accept ?? '*/*' };
    const token = options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl ?? ''}${path}`, { method: 'GET', headers, signal: req.signal });
    } catch (error) {
      throw networkError(error);
    }
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.();
      const data = safeJson(await response.text());
      const problem = data && typeof data === 'object' && 'code' in data
        ? (data as ApiError['problem'])
        : { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status, code: 'http' };
      throw new ApiError(response.status, problem);
    }
    return response.blob();
  }
  return {
    getBlob,
    request,
    get: (path, o) => request('GET', path, undefined, o),
    post: (path, body, o) => request('POST', path, body ?? {}, o),
    put: (path, body, o) => request('PUT', path, body ?? {}, o),
    patch: (path, body, o) => request('PATCH', path, body ?? {}, o),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
