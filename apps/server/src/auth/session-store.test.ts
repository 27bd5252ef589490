import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createAppContext } from '../http/context.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, TEST_SECRET, type TestApp } from '../test/harness.ts';
import { loginWithCode, TestClient } from '../test/http-client.ts';

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  // A second server process on the same database: same pool target, its own session cache and listener.
  const ctx = createAppContext(
    { db: a.db, pool: a.ctx.pool },
    {
      secret: TEST_SECRET,
      demo: true,
      now: () => a.clock.now,
      log: pino({ level: 'silent' }),
    },
  );
  const app = await buildApp({ ctx });
  await app.ready();
  b = { ...a, app, ctx, close: () => app.close() };
});
afterAll(async () => {
  await b.close();
  await a.close();
});

describe('sessions shared by several server processes', () => {
  it('ACCESS-05 a session opened on one process works on another', async () => {
    const sub = await buildSubscriber(a.db);
    const onA = await loginWithCode(a, sub.msisdn);
    const onB = new TestClient(b);
    onB.setCookie('kabinet_sid', onA.cookie('kabinet_sid') ?? '');
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('ACCESS-05 logout on one process is refused on the other at once, though it had the session cached', async () => {
    const sub = await buildSubscriber(a.db);
    const onA = await loginWithCode(a, sub.msisdn);
    const onB = new TestClient(b);
    onB.setCookie('kabinet_sid', onA.cookie('kabinet_sid') ?? '');
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200); // now cached on B
    expect((await onA.post('/api/v1/auth/logout')).statusCode).toBe(204);
    // The cache lives 5 s; the revocation announcement must evict it well before that.
    await expect
      .poll(async () => (await onB.get('/api/v1/me')).statusCode, { timeout: 1000, interval: 20 })
      .toBe(401);
  });
});
