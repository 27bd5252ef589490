import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Security (ACCESS-11). */
export class SecurityPage {
  readonly root: Locator;
  readonly partialNotice: Locator;
  readonly sessions: Locator;
  readonly passkeys: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('security-page');
    this.partialNotice = page.getByTestId('partial-access-notice');
    this.sessions = page.getByTestId('session-row');
    this.passkeys = page.getByTestId('passkey-row');
  }

  async open() {
    await this.page.getByTestId('nav-security').click();
    await expect(this.page).toHaveURL(/\/settings\/security/);
  }

  async setPassword(newPassword: string, currentPassword?: string) {
    if (currentPassword !== undefined) await this.page.getByTestId('current-password').fill(currentPassword);
    await this.page.getByTestId('new-password').fill(newPassword);
    await this.page.getByTestId('save-password').click();
    await expect(this.page.getByTestId('password-saved')).toBeVisible();
  }

  async addPasskey(name: string) {
    await this.page.getByTestId('passkey-name').fill(name);
    await this.page.getByTestId('add-passkey').click();
    await expect(this.passkeys.filter({ hasText: name })).toBeVisible();
  }

  otherSessions(): Locator {
    return this.page.locator('[data-testid="session-row"][data-current="false"]');
  }
}
