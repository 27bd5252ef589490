import { createHash } from 'node:crypto';
import { connect, type Db } from '@kabinet/db';
import { test as base } from '@playwright/test';
import { SLOT } from './spare-numbers.ts';

interface KabinetFixtures {
  /** The e2e database, to compare what the screen shows with what is stored. */
  db: Db;
  /** The demo numbers the seeder created; the first is the demo login. */
  demoPhones: string[];
  /** The same server by host name, for WebAuthn (which refuses IP addresses). */
  localhostURL: string;
  /** A seeded subscriber's number reserved for one journey (see `SLOT`). */
  spareNumber: (slot: keyof typeof SLOT) => string;
}

// Playwright reads fixture dependencies from the destructuring pattern, so `{}` (no dependencies) is required.
export const test = base.extend<KabinetFixtures>({
  baseURL: async ({}, use) => {
    await use(process.env.KABINET_E2E_URL);
  },
  // Every journey is its own client address, as real subscribers are: the server counts code requests per address
  // (ACCESS-04), and forty journeys from one address would exhaust that limit. The e2e server trusts 127.0.0.1 as
  // its proxy (global-setup.ts), so this header is the address it sees.
  extraHTTPHeaders: async ({}, use, testInfo) => {
    const bytes = createHash('sha256').update(testInfo.testId).digest();
    await use({ 'x-forwarded-for': `10.${bytes[0]}.${bytes[1]}.${((bytes[2] ?? 0) % 250) + 1}` });
  },
  db: async ({}, use) => {
    const handle = connect(process.env.KABINET_E2E_DATABASE_URL ?? '', { max: 2 });
    await use(handle.db);
    await handle.close();
  },
  demoPhones: async ({}, use) => {
    await use((process.env.KABINET_E2E_DEMO_PHONES ?? '').split(',').filter(Boolean));
  },
  localhostURL: async ({}, use) => {
    await use(process.env.KABINET_E2E_LOCALHOST_URL ?? '');
  },
  spareNumber: async ({}, use) => {
    // Listed by the global setup, before any journey changed a line's status (see `spareNumbers`).
    const numbers = (process.env.KABINET_E2E_SPARE_NUMBERS ?? '').split(',').filter(Boolean);
    await use((slot) => {
      const msisdn = numbers[SLOT[slot]];
      if (!msisdn) throw new Error(`the seed has no spare subscriber for slot ${slot}`);
      return msisdn;
    });
  },
});

export { expect } from '@playwright/test';
