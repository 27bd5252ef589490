import type { Locator, Page } from '@playwright/test';

export class DashboardPage {
  readonly balance: Locator;
  readonly tariff: Locator;
  readonly nextCharge: Locator;
  readonly logout: Locator;

  constructor(private readonly page: Page) {
    this.balance = page.getByTestId('balance-amount');
    this.tariff = page.getByTestId('tariff-name');
    this.nextCharge = page.getByTestId('next-charge');
    this.logout = page.getByTestId('logout');
  }

  packageOf(kind: 'voice' | 'sms' | 'data'): Locator {
    return this.page.getByTestId(`package-${kind}`);
  }

  async switchLanguage(lang: 'ru' | 'en') {
    const specific = this.page.getByTestId(`lang-${lang}`);
    if (await specific.count()) await specific.first().click();
    else await this.page.getByTestId('lang-switch').click();
  }
}
