/** `npm run openapi`: writes docs/openapi.json from the route schemas (the drift test compares against it). */
import { writeFile } from 'node:fs/promises';
import type { Db } from '@kabinet/db';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { OutboxDispatcher } from '../notifications/outbox.ts';

// No database is touched while generating the document; the context only has to exist.
const db = {} as Db;
const app = await buildApp({
  ctx: {
    db,
    secret: 'openapi-openapi-openapi-openapi-openapi',
    demo: true,
    timeZone: 'Europe/Moscow',
    now: () => new Date(),
    outbox: new OutboxDispatcher(db, {}, pino({ level: 'silent' })),
    secureCookies: false,
  },
});
await app.ready();
const doc = (await app.inject('/api/openapi.json')).json();
await writeFile(
  new URL('../../../../docs/openapi.json', import.meta.url),
  `${JSON.stringify(doc, null, 2)}\n`,
);
await app.close();
console.log('docs/openapi.json written');
