import { expect, type Locator, type Page } from '@playwright/test';

/** /bonuses (BONUS-01/02): points balance, rewards catalog with exchange, points history. */
export class BonusPage {
  readonly root: Locator;
  readonly balance: Locator;
  readonly dialog: Locator;
  readonly result: Locator;
  readonly history: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('bonuses-page');
    this.balance = page.getByTestId('bonus-balance');
    this.dialog = page.locator('dialog[open]');
    this.result = page.getByTestId('redemption-result');
    this.history = page.getByTestId('bonus-entry');
  }

  /** From the cabinet's navigation, the way a subscriber finds it. */
  async open() {
    await this.page.getByTestId('nav-bonuses').first().click();
    await expect(this.page).toHaveURL(/\/bonuses$/);
    await expect(this.balance).toBeVisible();
  }

  reward(code: string): Locator {
    return this.page.getByTestId(`reward-${code}`);
  }

  /** Opens the exchange dialog of a reward; `phone` gives it to another number. */
  async redeem(code: string, phone?: string) {
    await this.reward(code).getByTestId('reward-redeem').click();
    await expect(this.dialog).toBeVisible();
    if (phone) {
      await this.dialog.getByTestId('redeem-for-other').check();
      await this.dialog.getByTestId('redeem-phone').fill(phone);
    }
    await this.dialog.getByTestId('dialog-confirm').click();
    await expect(this.dialog).toBeHidden();
    await expect(this.result).toBeVisible();
  }
}
