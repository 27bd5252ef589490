import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './e2e/browser.ts';

const executablePath = findChromium();
if (!executablePath) {
  const notice =
    'NO CHROMIUM FOUND: set CHROMIUM_PATH or `apt-get install chromium`; browser tests are SKIPPED';
  console.warn(`\n${'!'.repeat(notice.length)}\n${notice}\n${'!'.repeat(notice.length)}\n`);
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  // Without a browser: nothing to run locally (the notice above says so); under CI=true global setup fails.
  ...(executablePath || process.env.CI ? {} : { testIgnore: '**/*' }),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['junit', { outputFile: 'reports/junit/playwright.xml' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_FLAGS },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
  },
});
