import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { parseSignatureHeader, signWebhook, verifyWebhook } from './webhook-signature.ts';

const SECRET = 'whsec_test_0123456789';
const BODY = '{"id":"whe_1","type":"payment.succeeded"}';
const T = 1_800_000_000;

describe('webhook signature', () => {
  it('PAY-01 signs HMAC-SHA256 over "{timestamp}.{raw body}" as t=…,v1=…', async () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(await signWebhook(SECRET, BODY, T)).toBe(`t=${T},v1=${expected}`);
  });

  it('PAY-01 accepts its own signature within 300 s either way', async () => {
    const header = await signWebhook(SECRET, BODY, T);
    expect(await verifyWebhook(SECRET, header, BODY, T + 300)).toEqual({ ok: true, timestamp: T });
    expect(await verifyWebhook(SECRET, header, BODY, T - 300)).toEqual({ ok: true, timestamp: T });
  });

  it('PAY-01 rejects a stale or future timestamp, a changed body, another secret and a malformed header', async () => {
    const header = await signWebhook(SECRET, BODY, T);
    expect(await verifyWebhook(SECRET, header, BODY, T + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(await verifyWebhook(SECRET, header, BODY, T - 301)).toEqual({ ok: false, reason: 'stale' });
    expect(await verifyWebhook(SECRET, header, `${BODY} `, T)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(await verifyWebhook('other-secret', header, BODY, T)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    // The timestamp is signed: moving it forward to pass the window breaks the signature.
    const moved = header.replace(`t=${T}`, `t=${T + 1000}`);
    expect(await verifyWebhook(SECRET, moved, BODY, T + 1000)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    for (const bad of [undefined, '', 'v1=abc', `t=${T}`, 't=soon,v1=00', 'garbage']) {
      expect(await verifyWebhook(SECRET, bad, BODY, T)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(await verifyWebhook(SECRET, `t=${T},v1=zz`, BODY, T)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('PAY-01 accepts any one of several v1 signatures (secret rotation)', async () => {
    const good = (await signWebhook(SECRET, BODY, T)).split('v1=')[1];
    const header = `t=${T},v1=${'00'.repeat(32)},v1=${good}`;
    expect(await verifyWebhook(SECRET, header, BODY, T)).toEqual({ ok: true, timestamp: T });
    expect(parseSignatureHeader(header)?.signatures).toHaveLength(2);
  });

  it('PAY-01 outside Node (Web Crypto) signs and verifies the same as on Node', async () => {
    const getBuiltinModule = process.getBuiltinModule;
    vi.resetModules();
    Object.assign(process, { getBuiltinModule: undefined });
    let web: typeof import('./webhook-signature.ts');
    try {
      web = await import('./webhook-signature.ts');
    } finally {
      Object.assign(process, { getBuiltinModule });
      vi.resetModules();
    }
    const header = await signWebhook(SECRET, BODY, T);
    expect(await web.signWebhook(SECRET, BODY, T)).toBe(header);
    expect(await web.verifyWebhook(SECRET, header, BODY, T)).toEqual({ ok: true, timestamp: T });
    expect(await web.verifyWebhook(SECRET, header, `${BODY} `, T)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(await web.verifyWebhook(SECRET, `${header.slice(0, -2)}`, BODY, T)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});
