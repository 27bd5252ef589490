import { expect, test } from './fixtures.ts';
import { LoginPage } from './page-models/login-page.ts';
import { SecurityPage } from './page-models/security-page.ts';
import { VirtualPhone } from './page-models/virtual-phone.ts';

/** "+79123456789" → "8 912 345 67 89": people type numbers every which way. */
const national = (msisdn: string) => `8 ${msisdn.slice(2, 5)} ${msisdn.slice(5, 8)} ${msisdn.slice(8)}`;

test('ACCESS-02 ACCESS-03 first login with a code, set a password, log out, log in with the password', async ({
  page,
  spareNumber,
}) => {
  const msisdn = spareNumber('passwordJourney');
  const password = 'Kabinet-e2e-Журнал-2026';
  const login = new LoginPage(page);
  await login.loginWithCode(msisdn);

  // Offered, not forced: the overview works and carries the offer.
  const offer = page.getByTestId('set-password-offer');
  await expect(offer).toBeVisible();
  await page.getByTestId('set-password-offer-go').click();
  const security = new SecurityPage(page);
  await expect(security.root).toBeVisible();
  await security.setPassword(password);

  await page.getByTestId('logout').click();
  await expect(login.phone).toBeVisible();

  await login.chooseMethod('password');
  const passwordInput = page.getByTestId('password-input');
  await passwordInput.fill('typed');
  await expect(passwordInput).toHaveAttribute('type', 'password');
  await page.getByTestId('password-input-toggle').click();
  await expect(passwordInput).toHaveAttribute('type', 'text');

  await login.loginWithPassword(national(msisdn), `${password}-wrong`);
  await expect(login.error).toContainText(/9/);
  await login.loginWithPassword(national(msisdn), password);
  await expect(page.getByTestId('logout')).toBeVisible();
  await expect(page.getByTestId('set-password-offer')).toHaveCount(0);
});

test('ACCESS-02 a forgotten password is replaced with an SMS code, which logs in', async ({
  page,
  spareNumber,
}) => {
  const msisdn = spareNumber('passwordReset');
  const password = 'Новый-пароль-e2e-7';
  const login = new LoginPage(page);
  await login.open();
  await login.chooseMethod('password');
  await page.getByTestId('identifier-input').fill(national(msisdn));
  await page.getByTestId('forgot-password').click();
  await expect(page.getByTestId('reset-identifier')).toHaveValue(national(msisdn));
  await page.getByTestId('reset-send-code').click();
  await page.getByTestId('reset-code').fill(await login.codeFromVirtualPhone());
  // The policy is checked before anything changes: too short first.
  await page.getByTestId('reset-new-password').fill('short');
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('field-error')).toContainText('8');
  await page.getByTestId('reset-new-password').fill(password);
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('logout')).toBeVisible();

  await page.getByTestId('logout').click();
  await login.loginWithPassword(msisdn, password);
  await expect(page.getByTestId('logout')).toBeVisible();
});

test('ACCESS-04 ten wrong codes lock the login and the screen says until when', async ({
  page,
  spareNumber,
}) => {
  const msisdn = spareNumber('lockout');
  const login = new LoginPage(page);
  await login.open();
  await login.requestCode(msisdn);
  const code = await login.codeFromVirtualPhone();
  const wrong = code === '000000' ? '111111' : '000000';
  for (let attempt = 1; attempt <= 11; attempt++) {
    await login.enterCode(wrong);
    await expect(page.getByTestId('verify-code')).toBeEnabled();
    await expect(login.error).toBeVisible();
    if (/заблокирован/.test((await login.error.textContent()) ?? '')) break;
  }
  // "… заблокирован до 23 ноября, 18:05 (ещё 1 час)."
  await expect(login.error).toContainText('заблокирован до');
  await expect(login.error).toContainText(/\d{1,2}:\d{2}/);
  // The right code does not open a locked login either.
  await login.enterCode(code);
  await expect(login.error).toContainText('заблокирован до');
  await expect(page.getByTestId('logout')).toHaveCount(0);
});

test('ACCESS-06 registers a passkey in settings and logs in with it', async ({
  page,
  spareNumber,
  localhostURL,
}) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });

  const msisdn = spareNumber('passkey');
  const login = new LoginPage(page);
  await login.loginWithCode(msisdn, localhostURL);
  const security = new SecurityPage(page);
  await security.open();
  await security.addPasskey('Ноутбук e2e');

  await page.getByTestId('logout').click();
  await expect(login.phone).toBeVisible();
  await login.loginWithPasskey();
  await expect(page.getByTestId('logout')).toBeVisible();
  await security.open();
  await expect(page.locator('[data-testid="session-row"][data-current="true"]')).toContainText(
    'Ключ доступа',
  );
});

test('ACCESS-07 confirms a login from the virtual phone', async ({ page, spareNumber }) => {
  const msisdn = spareNumber('phoneConfirm');
  const login = new LoginPage(page);
  await login.open();
  await login.askPhoneToConfirm(national(msisdn));
  await expect(page.getByTestId('confirm-countdown')).toContainText(/\d+/);
  await new VirtualPhone(page).confirmFlashPrompt();
  await expect(page.getByTestId('logout')).toBeVisible({ timeout: 10_000 });
});
