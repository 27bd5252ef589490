import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { storedLine } from './line-data.ts';
import { LoginPage } from './page-models/login-page.ts';
import { VirtualPhone } from './page-models/virtual-phone.ts';

/** Kopecks as the USSD screen writes them: `1 234,56`. */
function ussdRubles(kopecks: bigint): string {
  const negative = kopecks < 0n;
  const abs = negative ? -kopecks : kopecks;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${negative ? '-' : ''}${whole},${(abs % 100n).toString().padStart(2, '0')}`;
}

test('DEMO-02 the virtual phone receives the login code, dials *100# for the balance and makes a rated call', async ({
  page,
  db,
}) => {
  const msisdn = (await freshSubscriber(db, { balance: 300_00n, withLogin: true })).msisdn;
  const login = new LoginPage(page);
  await login.open();
  await login.requestCode(msisdn);
  const phone = new VirtualPhone(page);
  // The code arrives in the phone's SMS inbox, which follows the number it was sent to.
  await expect(phone.root.locator('#vp-number')).toHaveValue(msisdn);
  const code = await login.codeFromVirtualPhone();
  await expect(phone.newestMessage()).toContainText(code);
  await login.enterCode(code);
  await expect(page.getByTestId('notification-bell')).toBeVisible();

  await phone.dial('*100#');
  const { balance } = await storedLine(db, msisdn);
  await expect(phone.ussdScreen).toHaveText(`Баланс: ${ussdRubles(balance)} руб.`);
  await expect(phone.ussdScreen).toHaveAttribute('data-end', 'true');

  const journal = await db
    .selectFrom('journal as j')
    .innerJoin('lines as l', 'l.id', 'j.line_id')
    .select(['j.channel', 'j.details'])
    .where('l.msisdn', '=', msisdn)
    .where('j.action', '=', 'ussd.request')
    .execute();
  expect(journal).toEqual([{ channel: 'ussd', details: { serviceCode: '*100#', screen: 'balance' } }]);

  // The phone makes a call: rated through the rating engine like a network record.
  const { id: lineId } = await storedLine(db, msisdn);
  const countCalls = async () =>
    (
      await db
        .selectFrom('usage_records')
        .select('id')
        .where('line_id', '=', lineId)
        .where('kind', '=', 'voice_out')
        .where('id', 'like', 'vp-%')
        .execute()
    ).length;
  await phone.closeUssd();
  await phone.openTab('usage');
  await phone.root.getByTestId('vp-usage-call').click();
  await expect(phone.root.getByTestId('vp-usage-result')).toHaveText(
    /^Позвонить: (списано .+|из пакета, без списания)\.$/,
  );
  expect(await countCalls()).toBe(1);
});

test('DEMO-02 CHAN-04 the virtual phone sends SMS commands and gets the replies', async ({ page, db }) => {
  const msisdn = (await freshSubscriber(db, { balance: 300_00n, withLogin: true })).msisdn;
  await page.goto('/login');
  const phone = new VirtualPhone(page);
  await phone.show(msisdn);

  await phone.sendSms('7777', 'БАЛАНС');
  await expect(phone.root.getByTestId('vp-sms-outcome')).toHaveText('Неизвестная команда');
  await expect(phone.root.getByTestId('vp-sent').first()).toContainText('БАЛАНС');
  await phone.openTab('inbox');
  await expect(phone.newestMessage()).toContainText('Пустое SMS на 000110', { timeout: 10_000 });

  await phone.sendSms('000110', '');
  await expect(phone.root.getByTestId('vp-sms-outcome')).toHaveText('Команда выполнена');
  await phone.openTab('inbox');
  await expect(phone.newestMessage()).toContainText('Новый пароль от Кабинета', { timeout: 10_000 });
});
