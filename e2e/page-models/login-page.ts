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

  async open() {
    await this.page.goto('/login');
    await expect(this.phone).toBeVisible();
  }

  async requestCode(phone: string, options: { someoneElsesComputer?: boolean } = {}) {
    await this.phone.fill(phone);
    if (options.someoneElsesComputer) await this.page.getByTestId('remember-checkbox').check();
    await this.page.getByTestId('send-code').click();
    await expect(this.code).toBeVisible();
  }

  /** Reads the newest code from the virtual phone's SMS inbox on the page, as a demo visitor would. */
  async codeFromVirtualPhone(): Promise<string> {
    const message = this.page.getByTestId('virtual-phone').getByTestId('vp-message').first();
    await expect(message).toContainText(/\d{6}/, { timeout: 15_000 });
    const text = (await message.textContent()) ?? '';
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    if (!code) throw new Error(`no code in the virtual phone message: ${text}`);
    return code;
  }

  async enterCode(code: string) {
    await this.code.fill(code);
    await this.page.getByTestId('verify-code').click();
  }
}
