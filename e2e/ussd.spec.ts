import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { LoginPage } from './page-models/login-page.ts';
import { VirtualPhone } from './page-models/virtual-phone.ts';

test('CHAN-03 the *105# menu walks to packages, back, and to the balance', async ({ page, db }) => {
  const msisdn = (await freshSubscriber(db, { balance: 300_00n, withLogin: true })).msisdn;
  await new LoginPage(page).open();
  const phone = new VirtualPhone(page);
  await phone.show(msisdn);

  await phone.dial('*105#');
  await expect(phone.ussdScreen).toContainText('1 Баланс');
  await expect(phone.ussdScreen).toHaveAttribute('data-end', 'false');
  await phone.answer('2');
  await expect(phone.ussdScreen).toContainText('Остатки:');
  await expect(phone.ussdScreen).toContainText('0 Меню');
  await phone.answer('0');
  await expect(phone.ussdScreen).toContainText('5 Последние списания');
  await phone.answer('9');
  await expect(phone.ussdScreen).toContainText('Нет такого пункта.');
  await phone.answer('1');
  await expect(phone.ussdScreen).toContainText(/^Баланс: -?[\d ]+,\d\d руб\.$/);
  await expect(phone.ussdScreen).toHaveAttribute('data-end', 'true');
  // Every screen fits a phone's USSD window.
  expect(((await phone.ussdScreen.textContent()) ?? '').length).toBeLessThanOrEqual(182);
  await phone.closeUssd();
  await expect(phone.root.getByTestId('vp-dial-input')).toBeVisible();
});

test('CHAN-03 ACCESS-07 the login prompt answered on the USSD screen logs the browser in', async ({
  page,
  db,
}) => {
  const msisdn = (await freshSubscriber(db, { balance: 300_00n, withLogin: true })).msisdn;
  const login = new LoginPage(page);
  await login.open();
  await login.askPhoneToConfirm(`8${msisdn.slice(2)}`);
  const phone = new VirtualPhone(page);
  // The phone follows the number the prompt went to; any code dialled now opens with the prompt.
  await expect(phone.root.locator('#vp-number')).toHaveValue(msisdn);
  await phone.dial('*100#');
  await expect(phone.ussdScreen).toContainText('Вход в Кабинет с другого устройства.');
  await phone.answer('1');
  await expect(phone.ussdScreen).toHaveText('Вход подтверждён.');
  await expect(page.getByTestId('logout')).toBeVisible({ timeout: 10_000 });
  const answered = await db
    .selectFrom('journal as j')
    .innerJoin('lines as l', 'l.id', 'j.line_id')
    .select('j.channel')
    .where('l.msisdn', '=', msisdn)
    .where('j.action', '=', 'auth.phone_confirm_confirmed')
    .execute();
  expect(answered).toEqual([{ channel: 'ussd' }]);
});
