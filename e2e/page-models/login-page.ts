import { expect, type Locator, type Page } from '@playwright/test';

/** The login screen and the virtual phone beside it, as a subscriber uses them. */
export class LoginPage {
  readonly phone: Locator;
  readonly code: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.phone = page.getByTestId('phone-input');
    this.code = page.getByTestId('code-input');
    this.error = page.getByTestId('login-error');
  }

  /** `origin` browses the server under another name (e.g. `http://localhost:…` for WebAuthn). */
  async open(origin = '') {
    await this.page.goto(`${origin}/login`);
    await expect(this.phone).toBeVisible();
  }

  async requestCode(phone: string, options: { someoneElsesComputer?: boolean } = {}) {
    await this.phone.fill(phone);
    if (options.someoneElsesComputer) await this.page.getByTestId('remember-checkbox').check();
    await this.page.getByTestId('send-code').click();
    await expect(this.code).toBeVisible();
  }

  /**
   * Reads the newest code from the virtual phone's SMS inbox on the page, as a demo visitor would. `not`: a code
   * already used, to wait for the next one (messages arrive through the outbox, a moment later).
   */
  async codeFromVirtualPhone(options: { not?: string } = {}): Promise<string> {
    const message = this.page.getByTestId('virtual-phone').getByTestId('vp-message').first();
    let code: string | undefined;
    await expect
      .poll(
        async () => {
          const text = (await message.textContent().catch(() => null)) ?? '';
          code = /\b(\d{6})\b/.exec(text)?.[1];
          return code !== undefined && code !== options.not;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    if (!code) throw new Error('no code in the virtual phone');
    return code;
  }

  async enterCode(code: string) {
    await this.code.fill(code);
    await this.page.getByTestId('verify-code').click();
  }

  /** The whole SMS-code login with the code read from the virtual phone. */
  /** Returns the code it used. */
  async loginWithCode(phone: string, origin = ''): Promise<string> {
    await this.open(origin);
    await this.requestCode(phone);
    const code = await this.codeFromVirtualPhone();
    await this.enterCode(code);
    await expect(this.page.getByTestId('logout')).toBeVisible();
    return code;
  }

  async chooseMethod(method: 'sms' | 'password' | 'passkey' | 'phone-confirm') {
    await this.page.getByTestId(`login-method-${method}`).click();
  }

  async loginWithPassword(identifier: string, password: string, options: { contract?: boolean } = {}) {
    await this.chooseMethod('password');
    const contractSwitch = this.page.getByTestId('contract-switch');
    if (options.contract) await contractSwitch.check();
    else await contractSwitch.uncheck();
    await this.page.getByTestId('identifier-input').fill(identifier);
    await this.page.getByTestId('password-input').fill(password);
    await this.page.getByTestId('password-login').click();
  }

  async loginWithPasskey() {
    await this.chooseMethod('passkey');
    await this.page.getByTestId('passkey-login').click();
  }

  async askPhoneToConfirm(phone: string) {
    await this.chooseMethod('phone-confirm');
    await this.page.getByTestId('confirm-phone-input').fill(phone);
    await this.page.getByTestId('confirm-send').click();
    await expect(this.page.getByTestId('confirm-countdown')).toBeVisible();
  }
}
