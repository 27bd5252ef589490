import type { Locator, Page } from '@playwright/test';

/** /pay/result (PAY-01/02): the outcome, the receipt, retry on a decline. */
export class TopUpResultPage {
  readonly outcome: Locator;
  readonly succeeded: Locator;
  readonly failed: Locator;
  readonly reason: Locator;
  readonly receipt: Locator;
  readonly retry: Locator;
  readonly home: Locator;

  constructor(page: Page) {
    this.outcome = page.getByTestId('top-up-outcome');
    this.succeeded = page.getByTestId('top-up-succeeded');
    this.failed = page.getByTestId('top-up-failed');
    this.reason = page.getByTestId('top-up-failure-reason');
    this.receipt = page.getByTestId('top-up-receipt');
    this.retry = page.getByTestId('top-up-retry');
    this.home = page.getByTestId('top-up-home');
  }
}
