import type { TestProject } from 'vitest/node';
import { createTemplate, dropDatabase, startTestServer } from './testing.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Maintenance URL of the test PostgreSQL server. */
    testServerUrl: string;
    /** Name of the migrated template each test file clones its database from. */
    testTemplate: string;
  }
}

/** One PostgreSQL (TEST_DATABASE_URL, else embedded) and one migrated template per test run. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await createTemplate(server.url);
  project.provide('testServerUrl', server.url);
  project.provide('testTemplate', template);
  return async () => {
    await dropDatabase(server.url, template, { template: true });
    await server.stop();
  };
}
