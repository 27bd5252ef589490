import { expect, type Locator, type Page } from '@playwright/test';

/** /pay/autopay (PAY-04, PAY-09): saved cards, the new-rule form, the rules, the low-balance threshold. */
export class AutopayPage {
  readonly view: Locator;
  readonly done: Locator;
  readonly cards: Locator;
  readonly noCards: Locator;
  readonly rules: Locator;
  readonly lowBalance: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.view = page.getByTestId('autopay-view');
    this.done = page.getByTestId('autopay-done');
    this.cards = page.getByTestId('autopay-card');
    this.noCards = page.getByTestId('autopay-no-cards');
    this.rules = page.getByTestId('autopay-rule');
    this.lowBalance = page.getByTestId('low-balance');
    this.dialog = page.locator('dialog[open]');
  }

  /** The screen, with its tab of the payments section marked as the current one. */
  async open() {
    await this.page.goto('/pay/autopay');
    await expect(this.page.getByTestId('pay-tab-autopay')).toHaveClass(/is-active/);
    await expect(this.view).toBeVisible();
  }

  /** Fills the form for a threshold rule (roubles as typed) and waits for the server's answer on screen. */
  async createThresholdRule(rule: { threshold: string; amount: string; dailyLimit?: string }) {
    await this.page.getByTestId('autopay-kind-threshold').check();
    await this.page.getByTestId('autopay-threshold').fill(rule.threshold);
    await this.page.getByTestId('autopay-amount').fill(rule.amount);
    if (rule.dailyLimit) await this.page.getByTestId('autopay-dailyLimit').fill(rule.dailyLimit);
    await this.page.getByTestId('autopay-create').click();
  }

  /** Sets the PAY-09 threshold (roubles as typed) and waits for the confirmation. */
  async setLowBalance(threshold: string) {
    await this.page.getByTestId('low-balance-threshold').fill(threshold);
    await this.page.getByTestId('low-balance-save').click();
    await expect(this.done).toBeVisible();
  }
}
