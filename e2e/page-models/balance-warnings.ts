import type { Locator, Page } from '@playwright/test';

/** The dashboard's warning banners (RATE-04, PLAN-07), each by its code. */
export class BalanceWarnings {
  constructor(private readonly page: Page) {}

  banner(code: 'blocked_debt' | 'blocked_inactivity' | 'out_of_funds' | 'negative_balance'): Locator {
    return this.page.locator(`[data-warning="${code}"]`);
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: /Предупреждения|Warnings/ });
  }
}
