import { expect, type Locator, type Page } from '@playwright/test';

/** /tariffs: the current tariff, the catalog and the change dialog (PLAN-01/02/03). */
export class TariffsPage {
  readonly root: Locator;
  readonly currentName: Locator;
  readonly offers: Locator;
  readonly dialog: Locator;
  readonly chargeNow: Locator;
  readonly done: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('tariffs-page');
    this.currentName = page.getByTestId('current-tariff-name');
    this.offers = page.getByTestId('tariff-offer');
    this.dialog = page.getByTestId('tariff-change-dialog');
    this.chargeNow = this.dialog.getByTestId('charge-now');
    this.done = page.getByTestId('change-done');
  }

  /** From the overview's quick action "Сменить тариф" (HOME-02). */
  async openFromDashboard() {
    await this.page.getByTestId('quick-changeTariff').click();
    await expect(this.page).toHaveURL(/\/tariffs$/);
    await expect(this.currentName).toBeVisible();
  }

  offer(code: string): Locator {
    return this.page.locator(`[data-testid="tariff-offer"][data-code="${code}"]`);
  }

  async openChange(offer: Locator) {
    await offer.getByTestId('choose-tariff').click();
    await expect(this.dialog).toBeVisible();
  }

  /** Kopecks the dialog says will be charged now. */
  async shownChargeNow(): Promise<bigint> {
    return BigInt((await this.chargeNow.getAttribute('data-kopecks')) ?? 'NaN');
  }

  async confirm() {
    await this.dialog.getByTestId('dialog-confirm').click();
    await expect(this.dialog).toHaveCount(0);
    await expect(this.done).toBeVisible();
  }
}
