import { expect, type Locator, type Page } from '@playwright/test';

/** /device-settings (SVC-12): the phone, what to send, the send button and the hourly limit. */
export class DeviceSettingsPage {
  readonly root: Locator;
  readonly sent: Locator;
  readonly error: Locator;
  readonly limit: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('device-settings-page');
    this.sent = page.getByTestId('device-sent');
    this.error = page.getByTestId('action-error');
    this.limit = page.getByTestId('device-limit');
  }

  async open() {
    await this.page.getByTestId('nav-device-settings').click();
    await expect(this.page).toHaveURL(/\/device-settings$/);
    await expect(this.page.getByTestId('device-settings-form')).toBeVisible();
  }

  async send(device: 'android' | 'iphone' | 'other', items: Array<'internet' | 'mms'>) {
    await this.page.getByTestId(`device-${device}`).check();
    for (const item of ['internet', 'mms'] as const) {
      const box = this.page.getByTestId(`item-${item}`);
      if (items.includes(item)) await box.check();
      else await box.uncheck();
    }
    await this.page.getByTestId('device-send').click();
  }
}
