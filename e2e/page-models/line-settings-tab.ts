import { expect, type Locator, type Page } from '@playwright/test';

type Condition = 'unconditional' | 'busy' | 'no_answer' | 'unreachable';

/** The «Настройки связи» tab of /services: bans (SVC-04), call forwarding (SVC-06), blacklist (SVC-07). */
export class LineSettingsTab {
  readonly root: Locator;
  readonly bans: Locator;
  readonly blacklistEntries: Locator;
  readonly done: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('line-settings');
    this.bans = page.getByTestId('ban');
    this.blacklistEntries = page.getByTestId('blacklist-entry');
    this.done = page.getByTestId('change-done');
  }

  async open() {
    await this.page.getByTestId('services-tab-settings').click();
    await expect(this.root).toBeVisible();
  }

  /**
   * Opens the tab for one line: a login may reach several, settings are per line, and switching the line
   * starts the services screen over on its first tab.
   */
  async openFor(lineId: string) {
    const switcher = this.page.getByTestId('line-switcher');
    if ((await switcher.count()) > 0) await switcher.selectOption(lineId);
    await this.open();
  }

  ban(code: string): Locator {
    return this.page.locator(`[data-testid="ban"][data-code="${code}"]`);
  }

  rule(condition: Condition): Locator {
    return this.page.locator(`[data-testid="forwarding-rule"][data-condition="${condition}"]`);
  }

  /** Fills one forwarding condition and saves it, waiting for the server's answer. */
  async setForwarding(
    condition: Condition,
    input: { enabled: boolean; target?: string; delaySeconds?: number },
  ) {
    const rule = this.rule(condition);
    await rule.getByTestId('forwarding-enabled').setChecked(input.enabled);
    if (input.target !== undefined) await rule.getByTestId('forwarding-target').fill(input.target);
    if (input.delaySeconds !== undefined)
      await rule.getByTestId('forwarding-delay').selectOption(String(input.delaySeconds));
    await rule.getByTestId('forwarding-save').click();
  }

  blacklistEntry(number: string): Locator {
    return this.page.locator(`[data-testid="blacklist-entry"][data-number="${number}"]`);
  }

  async blacklist(number: string, label?: string) {
    await this.page.getByTestId('blacklist-number').fill(number);
    if (label !== undefined) await this.page.getByTestId('blacklist-label').fill(label);
    await this.page.getByTestId('blacklist-add').click();
  }
}
