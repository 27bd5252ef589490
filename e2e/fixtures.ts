import { connect, type Db } from '@kabinet/db';
import { test as base } from '@playwright/test';

interface KabinetFixtures {
  /** The e2e database, to compare what the screen shows with what is stored. */
  db: Db;
  /** The demo numbers the seeder created; the first is the demo login. */
  demoPhones: string[];
}

// Playwright reads fixture dependencies from the destructuring pattern, so `{}` (no dependencies) is required.
export const test = base.extend<KabinetFixtures>({
  baseURL: async ({}, use) => {
    await use(process.env.KABINET_E2E_URL);
  },
  db: async ({}, use) => {
    const handle = connect(process.env.KABINET_E2E_DATABASE_URL ?? '', { max: 2 });
    await use(handle.db);
    await handle.close();
  },
  demoPhones: async ({}, use) => {
    await use((process.env.KABINET_E2E_DEMO_PHONES ?? '').split(',').filter(Boolean));
  },
});

export { expect } from '@playwright/test';
