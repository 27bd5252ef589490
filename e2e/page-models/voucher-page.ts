import type { Db } from '@kabinet/db';
import { expect, type Locator, type Page } from '@playwright/test';
import { issueVouchers } from '../../apps/server/src/vouchers/issue-vouchers.ts';

/** The server secret of the e2e server (global-setup.ts): voucher codes are stored as HMACs with it. */
const E2E_SECRET = 'e2e-secret-'.repeat(4);

/** A fresh voucher card for one journey, through the same domain function as `kabinet vouchers issue`. */
export async function issueTestVoucher(db: Db, amount: bigint): Promise<{ code: string; serial: string }> {
  const [card] = await issueVouchers(db, E2E_SECRET, { count: 1, amount, batch: 'e2e', now: new Date() });
  if (!card) throw new Error('no voucher issued');
  return card;
}

/** /pay/voucher (PAY-03): the code form and its answer. */
export class VoucherPage {
  readonly root: Locator;
  readonly code: Locator;
  readonly submit: Locator;
  readonly done: Locator;
  readonly balance: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('voucher-page');
    this.code = page.getByTestId('voucher-code');
    this.submit = page.getByTestId('voucher-submit');
    this.done = page.getByTestId('voucher-done');
    this.balance = page.getByTestId('voucher-balance');
  }

  /** Through the payments tabs, the way a subscriber finds it. */
  async open() {
    // In-app navigation, not a reload: the virtual phone keeps the number it showed the login code on.
    await this.page.getByTestId('nav-payments').click();
    await expect(this.page).toHaveURL(/\/pay$/);
    await this.page.getByTestId('pay-tab-voucher').click();
    await expect(this.page).toHaveURL(/\/pay\/voucher$/);
    await expect(this.code).toBeVisible();
  }

  async redeem(code: string, otherNumber?: string) {
    await this.code.fill(code);
    if (otherNumber) {
      await this.page.getByTestId('voucher-other').click();
      await this.page.getByTestId('voucher-number').fill(otherNumber);
    }
    await this.submit.click();
  }

  /** The error under the code field. */
  codeError(): Locator {
    return this.root.getByTestId('field-error');
  }
}
