import { expect, type Locator, type Page } from '@playwright/test';

/** /history: changes of tariff and options, and "return to how it was on a day" (SVC-10). */
export class HistoryPage {
  readonly root: Locator;
  readonly dialog: Locator;
  readonly done: Locator;
  readonly entries: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('history-page');
    this.dialog = page.locator('dialog[open]');
    this.done = page.getByTestId('change-done');
    this.entries = page.getByTestId('history-entry');
  }

  /** From the section menu, the way a subscriber finds it; for one line when the login has several. */
  async openFor(lineId: string) {
    await this.page.getByTestId('nav-history').click();
    await expect(this.page).toHaveURL(/\/history$/);
    await expect(this.root).toBeVisible();
    const switcher = this.page.getByTestId('line-switcher');
    if ((await switcher.count()) > 0) await switcher.selectOption(lineId);
    await expect(this.page.getByTestId('revert-section')).toBeVisible();
  }

  /** Chooses a day (`YYYY-MM-DD`) and opens the plan's confirmation. */
  async planFor(date: string) {
    await this.page.getByTestId('revert-date').fill(date);
    await this.page.getByTestId('revert-show').click();
    await expect(this.dialog).toBeVisible();
  }

  async confirm() {
    await this.dialog.getByTestId('dialog-confirm').click();
    await expect(this.dialog).toBeHidden();
  }
}
