import { expect, type Locator, type Page } from '@playwright/test';

/** /requests: the requests with status pills and time lines (SVC-11). */
export class RequestsPage {
  readonly root: Locator;
  readonly requests: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('requests-page');
    this.requests = page.getByTestId('request');
  }

  async open() {
    await this.page.getByTestId('nav-requests').click();
    await expect(this.page).toHaveURL(/\/requests$/);
    await expect(this.root).toBeVisible();
  }

  ofKind(kind: string): Locator {
    return this.page.locator(`[data-testid="request"][data-kind="${kind}"]`);
  }

  /** Opens a request's time line. */
  async expand(request: Locator): Promise<Locator> {
    await request.locator('summary').click();
    const timeline = request.getByTestId('request-timeline');
    await expect(timeline).toBeVisible();
    return timeline;
  }
}
