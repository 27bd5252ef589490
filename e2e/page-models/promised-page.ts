import { expect, type Locator, type Page } from '@playwright/test';

/** /pay/promised (PAY-05): eligibility, the amounts on offer, taking one, and the unpaid one. */
export class PromisedPage {
  readonly view: Locator;
  readonly done: Locator;
  readonly active: Locator;
  readonly activeDue: Locator;
  readonly unavailable: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.view = page.getByTestId('promised-view');
    this.done = page.getByTestId('promised-done');
    this.active = page.getByTestId('promised-active');
    this.activeDue = page.getByTestId('promised-active-due');
    this.unavailable = page.getByTestId('promised-unavailable');
    this.dialog = page.locator('dialog[open]');
  }

  /** From the dashboard's quick action, the way a subscriber short of money finds it. */
  async openFromDashboard() {
    await this.page.getByTestId('quick-promisedPayment').click();
    await expect(this.page).toHaveURL(/\/pay\/promised$/);
    await expect(this.view).toBeVisible();
  }

  option(amountKopecks: number): Locator {
    return this.page.locator(`[data-testid="promised-option"][data-amount="${amountKopecks}"]`);
  }

  refusal(code: string): Locator {
    return this.page.locator(`[data-testid="promised-refusal"][data-code="${code}"]`);
  }

  /** Chooses an amount and confirms it in the dialog; waits for the server's answer on screen. */
  async take(amountKopecks: number) {
    await this.option(amountKopecks).getByTestId('promised-take').click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByTestId('dialog-confirm').click();
    await expect(this.dialog).toBeHidden();
    await expect(this.done).toBeVisible();
  }
}
