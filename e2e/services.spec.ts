import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { connectedOptionCodes, storedLine, subscribeToContent, topUp } from './line-data.ts';
import { LoginPage } from './page-models/login-page.ts';
import { ServicesPage } from './page-models/services-page.ts';

/** "Любимый номер": a connection fee and a monthly fee, compatible with every tariff. */
const OPTION = 'favourite-number';

test('SVC-02 connects and disconnects an option with the fee stated', async ({ page, db, spareNumber }) => {
  const msisdn = spareNumber('optionConnect');
  await topUp(db, msisdn, 1_000_00n);
  const line = await storedLine(db, msisdn);
  expect(await connectedOptionCodes(db, line.id)).not.toContain(OPTION);
  const option = await db
    .selectFrom('options')
    .select(['name_ru', 'connect_fee', 'fee'])
    .where('code', '=', OPTION)
    .executeTakeFirstOrThrow();
  await new LoginPage(page).loginWithCode(msisdn);

  const services = new ServicesPage(page);
  await page.getByTestId('quick-services').click();
  await expect(services.root).toBeVisible();
  await services.tab('all');
  await services.category('calls');
  await services.search('любим');
  await expect(services.options).toHaveCount(1);
  // Esc closes the confirmation and nothing happens.
  await services.option(OPTION).getByTestId('option-connect').click();
  await expect(services.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(services.dialog).toHaveCount(0);
  await services.option(OPTION).getByTestId('option-connect').click();

  // The confirmation states both fees.
  const rub = (kopecks: bigint) => String(kopecks / 100n);
  const connectFee = services.dialog.getByTestId('dialog-connect-fee');
  await expect(connectFee).toHaveAttribute('data-kopecks', String(option.connect_fee));
  expect(((await connectFee.textContent()) ?? '').replace(/\D/g, '')).toBe(rub(option.connect_fee));
  await expect(services.dialog.getByTestId('dialog-periodic-fee')).toContainText(`${rub(option.fee)}`);
  await expect(services.dialog.getByTestId('dialog-periodic-fee')).toContainText('мес');
  // The first answer is lost on the way back (the server did connect): the retry from the same dialog sends
  // the same Idempotency-Key, so the server answers with the first result and charges nothing more.
  const keys: string[] = [];
  await page.route('**/api/v1/lines/*/options', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push((await route.request().headerValue('idempotency-key')) ?? '');
    if (keys.length === 1) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await services.dialog.getByTestId('dialog-confirm').click();
  await expect(services.dialog.getByTestId('action-error')).toContainText('Нет связи с сервером');
  await services.confirm();
  await expect(services.done).toContainText(option.name_ru);
  expect(keys).toHaveLength(2);
  expect(keys[0]?.length).toBeGreaterThanOrEqual(8);
  expect(keys[1]).toBe(keys[0]);
  await page.unroute('**/api/v1/lines/*/options');

  const afterConnect = await storedLine(db, msisdn);
  expect(line.balance - afterConnect.balance).toBe(option.connect_fee);
  expect(await connectedOptionCodes(db, line.id)).toContain(OPTION);

  await services.tab('connected');
  await services.option(OPTION).getByTestId('option-disconnect').click();
  await services.confirm();
  await expect(services.option(OPTION)).toHaveCount(0);
  expect(await connectedOptionCodes(db, line.id)).not.toContain(OPTION);
  // Disconnecting costs nothing.
  expect((await storedLine(db, msisdn)).balance).toBe(afterConnect.balance);
});

test('SVC-03 unsubscribes from all content subscriptions', async ({ page, db, spareNumber }) => {
  const msisdn = spareNumber('contentUnsubscribe');
  const line = await storedLine(db, msisdn);
  await subscribeToContent(db, line.id, ['content-horoscope', 'content-weather', 'content-sport']);
  const contentCodes = async () =>
    (await connectedOptionCodes(db, line.id)).filter((code) => code.startsWith('content-'));
  expect((await contentCodes()).length).toBeGreaterThanOrEqual(3);
  await new LoginPage(page).loginWithCode(msisdn);

  const services = new ServicesPage(page);
  await services.open();
  await services.tab('content');
  await expect(services.subscriptions).toHaveCount((await contentCodes()).length);
  await page.getByTestId('unsubscribe-all').click();
  await expect(services.dialog).toContainText('Отписаться от всех');
  await services.confirm();
  await expect(services.subscriptions).toHaveCount(0);
  await expect(page.getByTestId('subscriptions-empty')).toBeVisible();
  expect(await contentCodes()).toEqual([]);
});

test('SVC-01 a partial-access session sees the tariff, services and call settings but cannot change them', async ({
  page,
  spareNumber,
}) => {
  const msisdn = spareNumber('partialServices');
  // Playing the operator's gateway, as in ACCESS-09: a header-enrichment login has partial access.
  await page.context().setExtraHTTPHeaders({ 'x-msisdn': msisdn });
  const login = new LoginPage(page);
  await login.open();
  await page.getByTestId('enrichment-login').click();
  await expect(page.getByTestId('logout')).toBeVisible();

  const services = new ServicesPage(page);
  await services.open();
  await expect(page.getByTestId('partial-access-note')).toContainText('Недоступно при частичном доступе');
  await services.tab('all');
  await expect(services.options.first()).toBeVisible();
  await expect(page.getByTestId('option-connect')).toHaveCount(0);
  // Call settings (SVC-04/06/07): the state is there, the controls are not.
  await services.tab('settings');
  await expect(page.getByTestId('ban').first()).toBeVisible();
  await expect(page.getByTestId('forwarding-rule')).toHaveCount(4);
  await expect(page.getByTestId('settings-read-only').first()).toContainText(
    'Недоступно при частичном доступе',
  );
  await expect(page.getByTestId('ban-toggle')).toHaveCount(0);
  await expect(page.getByTestId('forwarding-save')).toHaveCount(0);
  await expect(page.getByTestId('blacklist-add')).toHaveCount(0);

  await page.getByTestId('nav-tariffs').click();
  await expect(page.getByTestId('current-tariff-name')).toBeVisible();
  await expect(page.getByTestId('tariff-offer').first()).toBeVisible();
  await expect(page.getByTestId('choose-tariff')).toHaveCount(0);

  await page.getByTestId('nav-requests').click();
  await expect(page.getByTestId('partial-access-notice')).toBeVisible();
});

test('SVC-08 picks a ringback melody once the ringback option is connected', async ({ page, db }) => {
  const { msisdn, lineId } = await freshSubscriber(db);
  await topUp(db, msisdn, 100_00n);
  await new LoginPage(page).loginWithCode(msisdn);
  const services = new ServicesPage(page);
  await services.open();
  const picker = page.getByTestId('ringback');
  await expect(picker.getByTestId('ringback-not-connected')).toContainText('Гудок');

  await services.tab('all');
  await services.search('гудок');
  await services.option('ringback').getByTestId('option-connect').click();
  await services.confirm();
  await services.tab('connected');
  await expect(picker.getByTestId('ringback-current')).toContainText('не выбрана');
  await picker.getByTestId('melody-mel_kalinka').click();
  await expect(picker.getByTestId('ringback-preview')).toContainText('Калинка');
  await picker.getByTestId('ringback-save').click();

  await expect(services.done).toContainText('Калинка');
  await expect(picker.getByTestId('ringback-current')).toContainText('Калинка');
  const stored = await db
    .selectFrom('line_ringback')
    .select('melody_id')
    .where('line_id', '=', lineId)
    .execute();
  expect(stored).toEqual([{ melody_id: 'mel_kalinka' }]);
  const requests = await db
    .selectFrom('requests')
    .select('status')
    .where('line_id', '=', lineId)
    .where('kind', '=', 'ringback_melody')
    .execute();
  expect(requests).toEqual([{ status: 'done' }]);
});
