/** `npm run openapi`: writes docs/openapi.json from the route schemas (the drift test compares against it). */
import { writeFile } from 'node:fs/promises';
import type { Db, DbHandle } from '@kabinet/db';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { createAppContext } from '../http/context.ts';

// No database is touched while generating the document; the context only has to exist.
const handle = { db: {} as Db, pool: {} as DbHandle['pool'] };
const ctx = createAppContext(handle, {
  secret: 'openapi-'.repeat(5),
  demo: true,
  log: pino({ level: 'silent' }),
});
const app = await buildApp({ ctx });
await app.ready();
const doc = (await app.inject('/api/openapi.json')).json();
await writeFile(
  new URL('../../../../docs/openapi.json', import.meta.url),
  `${JSON.stringify(doc, null, 2)}\n`,
);
await app.close();
console.log('docs/openapi.json written');
