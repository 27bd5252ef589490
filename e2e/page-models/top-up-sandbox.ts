import { expect, type Locator, type Page } from '@playwright/test';

/** The sandbox acquirer's hosted payment page (TEST): card form, 3-D Secure, cancel. */
export class TopUpSandboxPage {
  readonly banner: Locator;
  readonly amount: Locator;

  constructor(private readonly page: Page) {
    this.banner = page.getByTestId('sandbox-test-banner');
    this.amount = page.getByTestId('sandbox-amount');
  }

  /** Types a card as a person would (with spaces) and pays; the browser returns to the cabinet's result page. */
  async payWith(card: string) {
    await expect(this.banner).toContainText('TEST');
    await this.page.getByTestId('sandbox-card-number').fill(card);
    await this.page.getByTestId('sandbox-expiry').fill('12/39');
    await this.page.getByTestId('sandbox-cvc').fill('123');
    await this.page.getByTestId('sandbox-pay').click();
  }

  /** The 3-D Secure page shows its one-time code (TEST); types it and confirms. */
  async confirm3ds() {
    const code = (await this.page.getByTestId('sandbox-3ds-code').textContent())?.trim() ?? '';
    await this.page.getByTestId('sandbox-3ds-input').fill(code);
    await this.page.getByTestId('sandbox-3ds-confirm').click();
  }
}
