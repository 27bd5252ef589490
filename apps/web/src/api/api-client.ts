import { ApiError, BAD_RESPONSE, isProblem, NETWORK_ERROR, type Problem, syntheticProblem } from './problem';
import type { CodeSent, Dashboard, DemoInfo, Me, VirtualSms } from './types';

export type { FieldProblem, Problem } from './problem';
export { ApiError } from './problem';

const BASE = '/api/v1';
const CSRF_COOKIE = 'kabinet_csrf';
const CSRF_HEADER = 'x-csrf-token';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface CallOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`: one per user intent, reused on retry, so a write is applied once. */
  idempotencyKey?: string;
}

/** Token fetched from GET /auth/csrf, for when the cookie cannot be read (see `csrfToken`). */
let fetchedCsrfToken: string | null = null;

function readCookie(name: string): string | null {
  for (const pair of document.cookie.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return null;
}

/**
 * Double-submit CSRF: the header must equal the `kabinet_csrf` cookie. The cookie is the source of truth;
 * when it is missing (first visit, expired) the server issues one with GET /auth/csrf, whose answer carries
 * the same value. `fresh` skips both caches after the server refused a token.
 */
async function csrfToken(fresh: boolean): Promise<string> {
  if (!fresh) {
    const cookie = readCookie(CSRF_COOKIE);
    if (cookie) return cookie;
    if (fetchedCsrfToken) return fetchedCsrfToken;
  }
  const { token } = await getCsrfToken();
  fetchedCsrfToken = token;
  return token;
}

async function send(
  method: Method,
  path: string,
  options: CallOptions,
  freshCsrf: boolean,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // No content-type without a body: servers (Fastify among them) reject an empty JSON body.
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken(freshCsrf);
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  try {
    return await fetch(`${BASE}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(syntheticProblem(0, NETWORK_ERROR, 'The server could not be reached'));
  }
}

function isJson(response: Response): boolean {
  return /\bjson\b/i.test(response.headers.get('content-type') ?? '');
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = syntheticProblem(response.status, `http_${response.status}`, response.statusText);
  if (isJson(response)) {
    const body: unknown = await response.json().catch(() => null);
    if (isProblem(body)) problem = body;
  }
  // Rate limiters often say when to come back only in the header.
  const retryAfter = Number(response.headers.get('retry-after'));
  if (problem.retryAfterSeconds === undefined && retryAfter > 0)
    problem = { ...problem, retryAfterSeconds: retryAfter };
  return new ApiError(problem);
}

/**
 * One call to the API: JSON in and out, CSRF header on writes, problem+json turned into `ApiError`.
 * The capability modules (`access-api.ts`, `security-api.ts`, `journal-api.ts`) build on it.
 */
export async function call<T>(method: Method, path: string, options: CallOptions = {}): Promise<T> {
  let response = await send(method, path, options, false);
  let error = response.ok ? null : await toApiError(response);
  // A rotated or expired CSRF token: fetch a fresh one and try once more.
  if (error && error.status === 403 && error.code.startsWith('csrf') && method !== 'GET') {
    response = await send(method, path, options, true);
    error = response.ok ? null : await toApiError(response);
  }
  if (error) throw error;
  if (response.status === 204) return undefined as T;
  // Anything but JSON here is not our API (e.g. an HTML page from a proxy or the SPA fallback).
  if (!isJson(response))
    throw new ApiError(syntheticProblem(response.status, BAD_RESPONSE, 'Not a JSON answer'));
  return (await response.json()) as T;
}

/** GET /auth/csrf: issues the CSRF cookie and returns its value. */
export function getCsrfToken(): Promise<{ token: string }> {
  return call('GET', '/auth/csrf');
}

/** POST /auth/code: texts a login code to `phone` (any common format). */
export function requestCode(phone: string): Promise<CodeSent> {
  return call('POST', '/auth/code', { body: { phone } });
}

/** POST /auth/code/verify: logs in; `rememberDevice: false` makes it a browser-session login. */
export function verifyCode(input: { phone: string; code: string; rememberDevice: boolean }): Promise<Me> {
  return call('POST', '/auth/code/verify', { body: input });
}

/** POST /auth/logout: ends the session on the server. */
export function logout(): Promise<void> {
  return call('POST', '/auth/logout');
}

/** GET /me: who is logged in and which lines they reach; 401 `unauthenticated` otherwise. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return call('GET', '/me', { signal });
}

/** GET /lines/{id}/dashboard: everything the home screen shows for one line. */
export function getDashboard(lineId: string, signal?: AbortSignal): Promise<Dashboard> {
  return call('GET', `/lines/${encodeURIComponent(lineId)}/dashboard`, { signal });
}

/** GET /dev/demo: the demo phones, or null when demo mode is off (404) or the answer is not the API's. */
export async function getDemo(signal?: AbortSignal): Promise<DemoInfo | null> {
  try {
    const info = await call<DemoInfo>('GET', '/dev/demo', { signal });
    return info?.demo === true && Array.isArray(info.phones) ? info : null;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.code === BAD_RESPONSE)) return null;
    throw error;
  }
}

/** GET /dev/phones/{msisdn}/messages: the virtual phone's SMS inbox. */
export async function getPhoneMessages(msisdn: string, signal?: AbortSignal): Promise<VirtualSms[]> {
  const { messages } = await call<{ messages: VirtualSms[] }>(
    'GET',
    `/dev/phones/${encodeURIComponent(msisdn)}/messages`,
    { signal },
  );
  return messages;
}

/** POST /dev/phones/{msisdn}/reply: the virtual phone answers its newest pending prompt ("1" confirms). */
export function replyFromPhone(msisdn: string, text: string): Promise<void> {
  return call('POST', `/dev/phones/${encodeURIComponent(msisdn)}/reply`, { body: { text } });
}
