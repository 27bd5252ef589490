import { expect, type Locator, type Page } from '@playwright/test';

/** /sim: voluntary suspension (PLAN-06), lost SIM, replacement SIM and eSIM (SVC-09). */
export class SimPage {
  readonly root: Locator;
  readonly dialog: Locator;
  readonly done: Locator;
  readonly status: Locator;
  readonly blocked: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('sim-page');
    this.dialog = page.locator('dialog[open]');
    this.done = page.getByTestId('change-done');
    this.status = page.getByTestId('sim-status');
    this.blocked = page.getByTestId('sim-blocked');
  }

  /** From the services screen, the way a subscriber finds it; for one line when the login has several. */
  async openFor(lineId: string) {
    await this.page.getByTestId('nav-services').click();
    await this.page.getByTestId('sim-link').click();
    await expect(this.page).toHaveURL(/\/sim$/);
    await expect(this.root).toBeVisible();
    const switcher = this.page.getByTestId('line-switcher');
    if ((await switcher.count()) > 0) await switcher.selectOption(lineId);
    await expect(this.status).toBeVisible();
  }

  async blockSim(reason: 'lost' | 'stolen') {
    await this.page.getByTestId(`block-reason-${reason}`).check();
    await this.page.getByTestId('sim-block').click();
    await expect(this.dialog).toBeVisible();
  }

  async confirm() {
    await this.dialog.getByTestId('dialog-confirm').click();
    await expect(this.dialog).toBeHidden();
  }
}
