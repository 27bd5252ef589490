import { expect, test } from './fixtures.ts';
import { JournalPage } from './page-models/journal-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { SecurityPage } from './page-models/security-page.ts';
import { VirtualPhone } from './page-models/virtual-phone.ts';

test('ACCESS-09 a partial-access session cannot open the journal or security settings', async ({
  page,
  spareNumber,
}) => {
  const msisdn = spareNumber('partialAccess');
  // Playing the operator's gateway: it names the caller's number in a header (global setup trusts 127.0.0.1).
  await page.context().setExtraHTTPHeaders({ 'x-msisdn': msisdn });
  const login = new LoginPage(page);
  await login.open();
  await page.getByTestId('enrichment-login').click();
  await expect(page.getByTestId('logout')).toBeVisible();
  await expect(page.getByTestId('balance-amount')).toBeVisible();

  const security = new SecurityPage(page);
  await security.open();
  await expect(security.partialNotice).toBeVisible();
  await expect(security.partialNotice).toContainText('Недоступно при частичном доступе');
  await expect(security.root).toHaveCount(0);

  const journal = new JournalPage(page);
  await journal.open();
  await expect(page.getByTestId('partial-access-notice')).toBeVisible();
  await expect(journal.entries).toHaveCount(0);

  // The server refuses too, whatever the screen does.
  const direct = await page.request.get('/api/v1/security');
  expect(direct.status()).toBe(403);
});

test('ACCESS-12 the journal shows the login that just happened', async ({ page, spareNumber }) => {
  const msisdn = spareNumber('journal');
  const startedAt = Date.now();
  await new LoginPage(page).loginWithCode(msisdn);
  const journal = new JournalPage(page);
  await journal.open();
  const loginEntry = journal.entriesOf('auth.login').first();
  await expect(loginEntry).toBeVisible();
  await expect(loginEntry).toContainText('Вход в кабинет');
  await expect(loginEntry).toContainText('Кабинет');
  const at = Date.parse((await loginEntry.locator('time').getAttribute('datetime')) ?? '');
  expect(at).toBeGreaterThanOrEqual(startedAt - 60_000);

  await journal.filterKind('security');
  await expect(journal.entriesOf('auth.login').first()).toBeVisible();
  await journal.filterKind('services');
  await expect(journal.entriesOf('auth.login')).toHaveCount(0);
});

test('ACCESS-11 signs out another session from the sessions list', async ({ page, browser, spareNumber }) => {
  const msisdn = spareNumber('sessions');

  // The other device: a separate browser, logged in by confirming from the phone.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherLogin = new LoginPage(other);
  await otherLogin.open();
  await otherLogin.askPhoneToConfirm(msisdn);
  await new VirtualPhone(other).confirmFlashPrompt();
  await expect(other.getByTestId('logout')).toBeVisible({ timeout: 10_000 });

  // This device: an SMS code.
  await new LoginPage(page).loginWithCode(msisdn);
  const security = new SecurityPage(page);
  await security.open();
  await expect(page.locator('[data-testid="session-row"][data-current="true"]')).toContainText(
    'Это устройство',
  );
  await expect(security.otherSessions()).toHaveCount(1);
  await security.otherSessions().first().getByTestId('session-end').click();
  await expect(security.otherSessions()).toHaveCount(0);

  await other.reload();
  await expect(otherLogin.phone).toBeVisible();
  await otherContext.close();
});

test('ACCESS-02 changing the password needs the current one, or a fresh code by SMS', async ({
  page,
  spareNumber,
}) => {
  const msisdn = spareNumber('passwordChange');
  const login = new LoginPage(page);
  const loginCode = await login.loginWithCode(msisdn);
  const security = new SecurityPage(page);
  await security.open();
  // Right after a code login the first password needs nothing more.
  await security.setPassword('первый-пароль-e2e');
  await expect(page.getByTestId('current-password')).toBeVisible();

  await page.getByTestId('current-password').fill('not-the-password');
  await page.getByTestId('new-password').fill('второй-пароль-e2e');
  await page.getByTestId('save-password').click();
  await expect(page.getByTestId('field-error')).toContainText('Неверный текущий пароль');

  // Forgot the current one: a code by SMS instead.
  await page.getByTestId('step-up-send').click();
  await expect(page.getByTestId('current-password')).toHaveCount(0);
  await page.getByTestId('step-up-code').fill(await login.codeFromVirtualPhone({ not: loginCode }));
  await page.getByTestId('save-password').click();
  await expect(page.getByTestId('password-saved')).toBeVisible();

  await page.getByTestId('logout').click();
  await login.loginWithPassword(msisdn, 'второй-пароль-e2e');
  await expect(page.getByTestId('logout')).toBeVisible();
});
