import { expect, type Locator, type Page } from '@playwright/test';

/** /roaming (SVC-05): the switch, what works abroad, zone prices and travel packages. */
export class RoamingPage {
  readonly root: Locator;
  readonly toggle: Locator;
  readonly state: Locator;
  readonly done: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('roaming-page');
    this.toggle = page.getByTestId('roaming-toggle');
    this.state = page.getByTestId('roaming-state');
    this.done = page.getByTestId('change-done');
    this.dialog = page.locator('dialog[open]');
  }

  /** From the cabinet's navigation, the way a subscriber finds it. */
  async open() {
    await this.page.getByTestId('nav-roaming').click();
    await expect(this.page).toHaveURL(/\/roaming$/);
    await expect(this.state).toBeVisible();
  }

  access(kind: 'voice' | 'sms' | 'data'): Locator {
    return this.page.getByTestId(`access-${kind}`);
  }

  zone(code: string): Locator {
    return this.page.locator(`[data-testid="roaming-zone"][data-code="${code}"]`);
  }

  package(code: string): Locator {
    return this.page.locator(`[data-testid="option-card"][data-code="${code}"]`);
  }

  async connectPackage(code: string) {
    await this.package(code).getByTestId('option-connect').click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByTestId('dialog-confirm').click();
    await expect(this.dialog).toBeHidden();
  }
}
