import { expect, type Locator, type Page } from '@playwright/test';

/** /services: connected options, all options, content subscriptions, call settings (SVC-01/02/03/04/06/07). */
export class ServicesPage {
  readonly root: Locator;
  readonly options: Locator;
  readonly dialog: Locator;
  readonly subscriptions: Locator;
  readonly done: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('services-page');
    this.options = page.getByTestId('option-card');
    this.dialog = page.locator('dialog[open]');
    this.subscriptions = page.getByTestId('subscription');
    this.done = page.getByTestId('change-done');
  }

  async open() {
    await this.page.getByTestId('nav-services').click();
    await expect(this.page).toHaveURL(/\/services$/);
    await expect(this.root).toBeVisible();
  }

  async tab(name: 'connected' | 'all' | 'content' | 'settings') {
    await this.page.getByTestId(`services-tab-${name}`).click();
  }

  option(code: string): Locator {
    return this.page.locator(`[data-testid="option-card"][data-code="${code}"]`);
  }

  async search(text: string) {
    await this.page.getByTestId('option-search').fill(text);
  }

  async category(name: 'all' | 'internet' | 'calls' | 'roaming' | 'messages' | 'extra') {
    await this.page.getByTestId(`category-${name}`).click();
  }

  async confirm() {
    await this.dialog.getByTestId('dialog-confirm').click();
    await expect(this.dialog).toHaveCount(0);
    await expect(this.done).toBeVisible();
  }
}
