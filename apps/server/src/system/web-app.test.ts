import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createAppContext } from '../http/context.ts';
import { createTestDatabase, TEST_SECRET } from '../test/harness.ts';

let app: Awaited<ReturnType<typeof buildApp>>;
let drop: () => Promise<void>;
beforeAll(async () => {
  const dist = await mkdtemp(join(tmpdir(), 'kabinet-web-'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  const database = await createTestDatabase();
  drop = database.drop;
  const ctx = createAppContext(database, {
    secret: TEST_SECRET,
    demo: false,
    log: pino({ level: 'silent' }),
  });
  app = await buildApp({ ctx, webDist: dist });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe('serving the web app', () => {
  it('CHAN-01 a page path gets the SPA, uncached, with a CSP that forbids framing', async () => {
    const res = await app.inject('/login');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // An unknown API path, answered by the not-found handler, carries them too.
    const missing = await app.inject('/api/v1/nope');
    expect(missing.headers['content-security-policy']).toContain("base-uri 'none'");
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('CHAN-01 hashed assets are cached for good; a missing file and an unknown API path stay 404', async () => {
    const asset = await app.inject('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject('/assets/index-old.js')).statusCode).toBe(404);
    const api = await app.inject('/api/v1/nope');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
