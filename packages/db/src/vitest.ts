/** Test database per test file, from the template the run's global setup migrated (vitest-global-setup.ts). */
import { inject } from 'vitest';
import { connect, type DbHandle } from './connect.ts';
import { createDatabaseFromTemplate, dropDatabase } from './testing.ts';

export interface TestDatabase extends Pick<DbHandle, 'db' | 'pool'> {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the run's migrated template; drop it when the file's tests end. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('testServerUrl');
  const { name, url } = await createDatabaseFromTemplate(serverUrl, inject('testTemplate'));
  const handle = connect(url, { max: 5 });
  return {
    db: handle.db,
    pool: handle.pool,
    url,
    async drop() {
      await handle.close();
      await dropDatabase(serverUrl, name);
    },
  };
}
