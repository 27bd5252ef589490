import { defineConfig } from 'vitest/config';
import { FeatureJUnitReporter } from './tools/feature-junit-reporter.ts';

// Unit and API tests (Playwright runs the browser journeys separately, see playwright.config.ts).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    globalSetup: ['packages/db/src/vitest-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Tests run in a fixed zone, so calendar logic cannot pass by the machine's accident.
    env: { TZ: 'UTC' },
    reporters: [
      'default',
      new FeatureJUnitReporter({ outputFile: 'reports/junit/vitest.xml', suiteName: 'unit-and-api' }),
    ],
  },
});
