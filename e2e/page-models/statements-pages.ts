import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a payments screen by its address, its tab marked as the current one, and waits for its content. */
async function openTab(page: Page, tab: 'history' | 'expenses' | 'invoices', ready: Locator) {
  await page.goto(`/pay/${tab}`);
  await expect(page.getByTestId(`pay-tab-${tab}`)).toHaveClass(/is-active/);
  await expect(ready).toBeVisible();
}

/** /pay/history (PAY-07): the payments of the account and the monthly summary. */
export class PaymentHistoryScreen {
  readonly rows: Locator;
  readonly summary: Locator;
  readonly shown: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('payment-row');
    this.summary = page.getByTestId('monthly-summary');
    this.shown = page.getByTestId('history-shown');
  }

  async open() {
    await openTab(
      this.page,
      'history',
      this.page.getByTestId('payment-list').or(this.page.getByTestId('history-empty')),
    );
  }

  summaryMonth(month: string): Locator {
    return this.page.locator(`[data-testid="summary-month"][data-month="${month}"]`);
  }

  async filterBySource(label: string) {
    await this.page.getByTestId('history-source').selectOption({ label });
    await this.page.getByTestId('history-apply').click();
  }
}

/** /pay/expenses (PAY-08): the donut, the table and the comparison. */
export class ExpensesScreen {
  readonly report: Locator;
  readonly total: Locator;
  readonly donut: Locator;
  readonly comparison: Locator;

  constructor(private readonly page: Page) {
    this.report = page.getByTestId('expenses-report');
    this.total = page.getByTestId('expenses-total');
    this.donut = page.getByTestId('expenses-donut');
    this.comparison = page.getByTestId('expenses-comparison');
  }

  async open() {
    await openTab(this.page, 'expenses', this.report);
  }

  row(category: string): Locator {
    return this.page.locator(`[data-testid="expenses-row"][data-category="${category}"]`);
  }

  comparisonRow(category: string): Locator {
    return this.page.locator(`[data-testid="comparison-row"][data-category="${category}"]`);
  }

  async showMonth(month: string) {
    await this.page.getByTestId('period-month').fill(month);
    await this.page.getByTestId('period-show').click();
  }
}

/** /pay/invoices (PAY-10): credit limit, trust payment, invoices with PDFs. */
export class InvoicesScreen {
  readonly limit: Locator;
  readonly prepaid: Locator;
  readonly trust: Locator;

  constructor(private readonly page: Page) {
    this.limit = page.getByTestId('credit-limit');
    this.prepaid = page.getByTestId('invoices-prepaid');
    this.trust = page.getByTestId('trust-payment');
  }

  async open() {
    await openTab(this.page, 'invoices', this.limit.or(this.prepaid));
  }

  invoice(month: string): Locator {
    return this.page.locator(`[data-testid="invoice-row"][data-month="${month}"]`);
  }

  /** Clicks the invoice's download link and returns the downloaded file's name and bytes. */
  async download(month: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.invoice(month).getByTestId('invoice-download').click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  async takeTrustPayment() {
    await this.page.getByTestId('trust-take').click();
    await this.page.locator('dialog[open]').getByTestId('dialog-confirm').click();
    await expect(this.page.getByTestId('trust-done')).toBeVisible();
  }
}
