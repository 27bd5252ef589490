import type { TestApp } from './harness.ts';

/**
 * A cookie-keeping client over Fastify's inject (the full HTTP stack without a socket), sending the CSRF header
 * the way the web app does.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  /** The TCP peer address the app sees (header enrichment trusts only this); inject's default otherwise. */
  remoteAddress: string | undefined;
  constructor(private readonly t: TestApp) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  dropCookie(name: string): void {
    this.cookies.delete(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    if (method !== 'GET' && !this.cookies.has('kabinet_csrf')) await this.request('GET', '/api/v1/auth/csrf');
    const res = await this.t.app.inject({
      method,
      url,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      headers: {
        ...(this.cookies.size > 0
          ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
          : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.cookies.get('kabinet_csrf') ?? '' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number }>) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }

  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }

  delete(url: string) {
    return this.request('DELETE', url);
  }
}

/** The newest code the virtual phone received on `msisdn`, read through the dev endpoint like a person would. */
export async function readCodeFromVirtualPhone(t: TestApp, msisdn: string): Promise<string> {
  await t.ctx.outbox.kick();
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/dev/phones/${encodeURIComponent(msisdn)}/messages`,
  });
  const messages = res.json<{ messages: Array<{ body: string }> }>().messages;
  // Newest first; a notice delivered by the outbox after the code (funds out, a receipt) is passed over.
  const code = messages.map((m) => /\b(\d{6})\b/.exec(m.body)?.[1]).find((found) => found !== undefined);
  if (!code) throw new Error(`No code in the virtual phone of ${msisdn}: ${JSON.stringify(messages)}`);
  return code;
}

/** Logs a subscriber in through the real code flow and returns a client holding the session. */
export async function loginWithCode(t: TestApp, msisdn: string): Promise<TestClient> {
  const client = new TestClient(t);
  const sent = await client.post('/api/v1/auth/code', { phone: msisdn });
  if (sent.statusCode !== 202) throw new Error(`code request failed: ${sent.statusCode} ${sent.body}`);
  const code = await readCodeFromVirtualPhone(t, msisdn);
  const res = await client.post('/api/v1/auth/code/verify', { phone: msisdn, code, rememberDevice: true });
  if (res.statusCode !== 200) throw new Error(`verify failed: ${res.statusCode} ${res.body}`);
  return client;
}
