import { expect, type Locator, type Page } from '@playwright/test';

/** /pay (PAY-01/02): whom to top up, the amount, save card; then off to the acquirer's page. */
export class TopUpPage {
  readonly root: Locator;
  readonly amount: Locator;
  readonly number: Locator;
  readonly submit: Locator;
  readonly testNotice: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('top-up-page');
    this.amount = page.getByTestId('top-up-amount');
    this.number = page.getByTestId('top-up-number');
    this.submit = page.getByTestId('top-up-submit');
    this.testNotice = page.getByTestId('top-up-test-notice');
  }

  /** From the dashboard's quick action, the way a subscriber finds it. */
  async openFromDashboard() {
    await this.page.getByTestId('quick-topUp').click();
    await expect(this.page).toHaveURL(/\/pay$/);
    await expect(this.submit).toBeVisible();
  }

  /** "Another number": the number field appears. */
  async chooseOtherNumber() {
    await this.page.getByTestId('top-up-other').click();
    await expect(this.number).toBeVisible();
  }

  preset(kopecks: number): Locator {
    return this.page.getByTestId(`top-up-preset-${kopecks}`);
  }

  /** Sends the form; the browser leaves for the acquirer's hosted page. */
  async pay() {
    await this.submit.click();
    await expect(this.page).toHaveURL(/\/sandbox-acquirer\/pay\/sbx_/);
  }
}
