import type { Locator, Page } from '@playwright/test';

/** NOTIF-03 bell and centre, NOTIF-01 settings, as a subscriber uses them. */
export class NotificationsPage {
  readonly bell: Locator;
  readonly badge: Locator;
  readonly items: Locator;
  readonly unread: Locator;

  constructor(private readonly page: Page) {
    this.bell = page.getByTestId('notification-bell');
    this.badge = page.getByTestId('notification-badge');
    this.items = page.getByTestId('notification');
    this.unread = page.getByTestId('notifications-unread');
  }

  async openFromBell() {
    await this.bell.click();
    await this.page.getByTestId('notifications-page').waitFor();
  }

  async markFirstUnreadRead() {
    await this.page
      .locator('[data-testid="notification"][data-read="false"]')
      .first()
      .getByTestId('notification-read')
      .click();
  }

  async markAllRead() {
    await this.page.getByTestId('notifications-read-all').click();
  }

  async openSettings() {
    await this.page.getByTestId('notification-settings-link').click();
    await this.page.getByTestId('notification-settings-page').waitFor();
  }

  toggle(event: string, channel: 'sms' | 'email' | 'inApp'): Locator {
    return this.page.getByTestId(`pref-${event}-${channel}`);
  }
}
