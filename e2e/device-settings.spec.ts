import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { DeviceSettingsPage } from './page-models/device-settings-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { VirtualPhone } from './page-models/virtual-phone.ts';

test('SVC-12 sends internet settings and the SMS arrives on the virtual phone', async ({ page, db }) => {
  const sub = await freshSubscriber(db, { tariffCode: 'moy-online', balance: 500_00n, withLogin: true });
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const settings = new DeviceSettingsPage(page);
  await settings.open();
  await expect(settings.limit).toContainText('За последний час: 0');

  await settings.send('iphone', ['internet']);
  await expect(settings.sent).toContainText('Настройки отправлены');
  await expect(settings.limit).toContainText('За последний час: 1');

  // The virtual phone beside the cabinet shows the logged-in number's inbox.
  const phone = new VirtualPhone(page);
  await phone.open();
  await expect(phone.newestMessage()).toContainText('APN internet.kabinet', {
    timeout: 15_000,
  });
  const queued = await db
    .selectFrom('outbox')
    .select(['kind', 'body'])
    .where('recipient', '=', sub.msisdn)
    .where('kind', '=', 'device.settings')
    .execute();
  expect(queued).toEqual([{ kind: 'device.settings', body: expect.stringContaining('Сотовая связь') }]);
});

test('SVC-12 refuses a fourth send within the hour with a clear message', async ({ page, db }) => {
  const sub = await freshSubscriber(db, { tariffCode: 'moy-online', balance: 500_00n, withLogin: true });
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const settings = new DeviceSettingsPage(page);
  await settings.open();
  for (let i = 1; i <= 3; i += 1) {
    await settings.send('android', ['internet', 'mms']);
    await expect(settings.limit).toContainText(`За последний час: ${i}`);
  }
  await settings.send('android', ['mms']);
  await expect(settings.error).toContainText('не больше 3 раз в час');
  const requests = await db
    .selectFrom('requests')
    .select('kind')
    .where('line_id', '=', sub.lineId)
    .where('kind', '=', 'device_settings')
    .execute();
  expect(requests).toHaveLength(3);
});
