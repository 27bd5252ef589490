import { expect, type Locator, type Page } from '@playwright/test';

/** The operations journal (ACCESS-12). */
export class JournalPage {
  readonly root: Locator;
  readonly entries: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('journal-page');
    this.entries = page.getByTestId('journal-entry');
  }

  async open() {
    await this.page.getByTestId('nav-journal').click();
    await expect(this.page).toHaveURL(/\/journal/);
  }

  entriesOf(action: string): Locator {
    return this.page.locator(`[data-testid="journal-entry"][data-action="${action}"]`);
  }

  async filterKind(kind: 'all' | 'security' | 'services') {
    await this.page.getByTestId('journal-kind').selectOption(kind);
  }
}
