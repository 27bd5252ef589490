import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(async () => {
  await t.close();
});

describe('operations endpoints', () => {
  it('CHAN-02 /healthz and /readyz answer, /readyz after asking the database', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('CHAN-02 /metrics exposes Prometheus metrics with request durations', async () => {
    await t.app.inject('/healthz');
    const res = await t.app.inject('/metrics');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('kabinet_http_request_duration_seconds_bucket');
    expect(res.body).toContain('kabinet_process_cpu_seconds_total');
  });

  it('CHAN-02 serves the OpenAPI document with every public route and browsable docs', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/code',
        '/api/v1/auth/code/verify',
        '/api/v1/me',
        '/api/v1/lines/{lineId}/dashboard',
      ]),
    );
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('DEMO-02 the virtual phone endpoints do not exist outside demo mode', async () => {
    const res = await t.app.inject('/api/v1/dev/phones/%2B79161234567/messages');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('CHAN-02 an unknown API route is a problem+json 404', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
  });
});
