import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(async () => {
  await t.close();
});

describe('OpenAPI drift', () => {
  it('CHAN-02 the committed docs/openapi.json matches the routes (regenerate with `npm run openapi`)', async () => {
    const committed = JSON.parse(
      await readFile(new URL('../../../../docs/openapi.json', import.meta.url), 'utf8'),
    );
    const generated = (await t.app.inject('/api/openapi.json')).json();
    expect(generated).toEqual(committed);
  });
});
