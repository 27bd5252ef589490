/**
 * The HTTP side of the YooKassa adapter: one JSON call to API v3 with HTTP Basic auth (shop id : secret key), an
 * `Idempotence-Key` on writes and a deadline. What an answer means for the payment is decided here once:
 * unanswered, 202 "still processing", 429 and 5xx are `AcquirerTimeoutError` (the outcome is unknown: the payment
 * stays pending and is looked up later); any other 4xx is a `YooKassaApiError` naming YooKassa's code.
 */
import { AcquirerTimeoutError } from './acquirer.ts';

export const YOOKASSA_API_URL = 'https://api.yookassa.ru/v3';
/** How long one call may take; YooKassa answers in well under a second, so this is an outage, not a slow day. */
export const YOOKASSA_TIMEOUT_MS = 10_000;

/** YooKassa refused a request (4xx other than 429): a bug or a configuration problem, not a transient fault. */
export class YooKassaApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    /** YooKassa's error `code`: `invalid_request`, `invalid_credentials`, `forbidden`, `not_found` … */
    readonly code: string,
    readonly description: string,
    /** The request field YooKassa objected to, when it says (e.g. `amount.value`). */
    readonly parameter?: string,
  ) {
    super(
      `YooKassa refused ${operation}: ${status} ${code}${description ? ` — ${description}` : ''}` +
        (parameter ? ` (parameter ${parameter})` : ''),
    );
    this.name = 'YooKassaApiError';
  }
}

export interface YooKassaClientSettings {
  shopId: string;
  secretKey: string;
  /** `https://api.yookassa.ru/v3` unless set (tests point it at a loopback fixture server). */
  apiUrl?: string | undefined;
  timeoutMs?: number | undefined;
}

export interface YooKassaCall {
  /** For errors and logs: `createPayment`, `fetchPayment` … */
  operation: string;
  method: 'GET' | 'POST';
  /** Below the API base, e.g. `/payments/2d9e…`. */
  path: string;
  body?: unknown;
  /** Makes a retried POST one operation at YooKassa (its keys live 24 h; at most 64 characters). */
  idempotenceKey?: string;
}

export class YooKassaClient {
  private readonly base: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;

  constructor(settings: YooKassaClientSettings) {
    this.base = (settings.apiUrl ?? YOOKASSA_API_URL).replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${settings.shopId}:${settings.secretKey}`).toString('base64')}`;
    this.timeoutMs = settings.timeoutMs ?? YOOKASSA_TIMEOUT_MS;
  }

  /** Sends one call and answers YooKassa's JSON on 200; throws as the module comment says otherwise. */
  async call(call: YooKassaCall): Promise<unknown> {
    const headers: Record<string, string> = { authorization: this.authorization, accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotenceKey) headers['idempotence-key'] = call.idempotenceKey;
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${this.base}${call.path}`, {
        method: call.method,
        headers,
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch {
      // A deadline, a refused or reset connection, a DNS failure: whether YooKassa acted is unknown.
      throw new AcquirerTimeoutError(call.operation);
    }
    if (status === 202 || status === 429 || status >= 500) throw new AcquirerTimeoutError(call.operation);
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = null;
    }
    if (status >= 200 && status < 300) {
      if (json === null)
        throw new YooKassaApiError(call.operation, status, 'not_json', 'an empty or non-JSON answer');
      return json;
    }
    const err = (json ?? {}) as { code?: unknown; description?: unknown; parameter?: unknown };
    throw new YooKassaApiError(
      call.operation,
      status,
      typeof err.code === 'string' ? err.code : 'unknown',
      typeof err.description === 'string' ? err.description : '',
      typeof err.parameter === 'string' ? err.parameter : undefined,
    );
  }
}
