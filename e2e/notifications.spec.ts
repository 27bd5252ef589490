import { newId } from '@kabinet/core';
import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { storedLine } from './line-data.ts';
import { LoginPage } from './page-models/login-page.ts';
import { NotificationsPage } from './page-models/notifications-page.ts';
import { SecurityPage } from './page-models/security-page.ts';

test('NOTIF-03 NOTIF-01 the bell counts unread notifications, the centre marks them read, settings are kept', async ({
  page,
  db,
}) => {
  const msisdn = (await freshSubscriber(db, { balance: 300_00n, withLogin: true })).msisdn;
  const line = await storedLine(db, msisdn);
  const login = await db
    .selectFrom('logins')
    .select('id')
    .where('kind', '=', 'phone')
    .where('identifier', '=', msisdn)
    .executeTakeFirstOrThrow();
  // Two events that capabilities reported through notify() (a top-up, then a low balance).
  await db
    .insertInto('notifications')
    .values([
      {
        id: newId('notification', new Date(Date.now() - 60_000)),
        login_id: login.id,
        line_id: line.id,
        event: 'top_ups',
        params: JSON.stringify({ amount: 50000 }),
      },
      {
        id: newId('notification'),
        login_id: login.id,
        line_id: line.id,
        event: 'low_balance',
        params: JSON.stringify({ balance: 1500 }),
      },
    ])
    .execute();

  // The login itself is the third, newest one (ACCESS-11 login alerts go through notify() too).
  await new LoginPage(page).loginWithCode(msisdn);
  const centre = new NotificationsPage(page);
  await expect(centre.badge).toHaveText('3');
  await expect(centre.bell).toHaveAccessibleName('Уведомления: 3 новых');

  await centre.openFromBell();
  await expect(centre.items).toHaveCount(3);
  await expect(centre.items.first()).toContainText('Вход в Кабинет');
  await expect(centre.items.first()).toContainText('код из SMS');
  await expect(centre.items.nth(1)).toContainText('Баланс на исходе');
  await expect(centre.items.nth(2)).toContainText('Баланс пополнен на 500,00 ₽.');
  await centre.markFirstUnreadRead();
  await expect(centre.badge).toHaveText('2');
  await expect(centre.unread).toHaveText('2 непрочитанных');
  await centre.markAllRead();
  await expect(centre.badge).toHaveCount(0);
  const unread = await db
    .selectFrom('notifications')
    .select('id')
    .where('login_id', '=', login.id)
    .where('read_at', 'is', null)
    .execute();
  expect(unread).toEqual([]);

  // In English the same notifications read in English.
  await page.getByTestId('lang-switch').click();
  await expect(centre.items.first()).toContainText('Kabinet login');
  await expect(centre.items.nth(1)).toContainText('Low balance');
  await page.getByTestId('lang-switch').click();

  await centre.openSettings();
  const charges = centre.toggle('charges', 'sms');
  await expect(charges).not.toBeChecked();
  await expect(centre.toggle('charges', 'email')).toBeDisabled();
  // `logins` × SMS is the security page's login-alerts switch (decision 0019): off until turned on there or here.
  await expect(centre.toggle('logins', 'sms')).not.toBeChecked();
  await charges.click();
  await expect(charges).toBeChecked();
  await expect(page.getByTestId('prefs-saved')).toBeVisible();
  await page.reload();
  await expect(centre.toggle('charges', 'sms')).toBeChecked();
  const stored = await db
    .selectFrom('notification_preferences')
    .select(['event', 'channel', 'enabled'])
    .where('login_id', '=', login.id)
    .execute();
  expect(stored).toEqual([{ event: 'charges', channel: 'sms', enabled: true }]);

  // One setting on two screens: the security page's switch, then its link to the same cell here.
  const security = new SecurityPage(page);
  await security.open();
  const alerts = page.getByTestId('login-alerts-toggle');
  await expect(alerts).not.toBeChecked();
  await alerts.click();
  await expect(alerts).toBeChecked();
  await centre.openSettings();
  await expect(centre.toggle('logins', 'sms')).toBeChecked();
});
