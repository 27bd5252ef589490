import { expect, type Locator, type Page } from '@playwright/test';

/** /pay/transfer (PAY-06): the form with its live fee, the SMS-code step and the result. */
export class TransferPage {
  readonly number: Locator;
  readonly amount: Locator;
  readonly fee: Locator;
  readonly total: Locator;
  readonly submit: Locator;
  readonly codeStep: Locator;
  readonly code: Locator;
  readonly confirm: Locator;
  readonly done: Locator;

  constructor(private readonly page: Page) {
    this.number = page.getByTestId('transfer-number');
    this.amount = page.getByTestId('transfer-amount');
    this.fee = page.getByTestId('transfer-fee');
    this.total = page.getByTestId('transfer-total');
    this.submit = page.getByTestId('transfer-submit');
    this.codeStep = page.getByTestId('transfer-code-step');
    this.code = page.getByTestId('transfer-code');
    this.confirm = page.getByTestId('transfer-confirm');
    this.done = page.getByTestId('transfer-done');
  }

  /** Through the payments tabs, the way a subscriber finds it. */
  async open() {
    // In-app navigation, not a reload: the virtual phone keeps the number it showed the login code on.
    await this.page.getByTestId('nav-payments').click();
    await expect(this.page).toHaveURL(/\/pay$/);
    await this.page.getByTestId('pay-tab-transfer').click();
    await expect(this.page).toHaveURL(/\/pay\/transfer$/);
    await expect(this.page.getByTestId('transfer-balance')).toBeVisible();
  }

  async fill(number: string, rubles: string) {
    await this.number.fill(number);
    await this.amount.fill(rubles);
  }

  /**
   * The code of the newest transfer SMS in the virtual phone's inbox, as a demo visitor reads it. `not`: a code
   * already seen, to wait for the next one (messages arrive through the outbox, a moment later).
   */
  async codeFromVirtualPhone(options: { not?: string } = {}): Promise<string> {
    const message = this.page.getByTestId('virtual-phone').getByTestId('vp-message').first();
    let code: string | undefined;
    await expect
      .poll(
        async () => {
          const text = (await message.textContent().catch(() => null)) ?? '';
          code = /Код (\d{6}) — перевод/.exec(text)?.[1];
          return code !== undefined && code !== options.not;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    if (!code) throw new Error('no transfer code in the virtual phone');
    return code;
  }
}
