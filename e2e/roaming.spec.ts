import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { LoginPage } from './page-models/login-page.ts';
import { RoamingPage } from './page-models/roaming-page.ts';

test('SVC-05 turns roaming off and on again, and the data ban stays explained', async ({ page, db }) => {
  const sub = await freshSubscriber(db, { tariffCode: 'moy-online', balance: 500_00n, withLogin: true });
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const roaming = new RoamingPage(page);
  await roaming.open();

  await expect(roaming.state).toHaveAttribute('data-enabled', 'true');
  await expect(roaming.access('data')).toHaveAttribute('data-state', 'available');
  // Prices of the tariff in the CIS zone, named as the catalog names it.
  await expect(roaming.zone('cis')).toContainText('СНГ');
  await expect(roaming.zone('cis').getByTestId('zone-voice-out')).toContainText('₽');
  // Where to: Turkey is in the popular destinations; a country no zone lists is in the rest of the world.
  await page.getByTestId('roaming-country').selectOption('TR');
  await expect(page.getByTestId('roaming-country-zone')).toContainText('Популярные страны');
  await expect(roaming.zone('popular')).toHaveAttribute('data-chosen', 'true');
  await page.getByTestId('roaming-country').selectOption('other');
  await expect(roaming.zone('world')).toHaveAttribute('data-chosen', 'true');

  await roaming.toggle.click();
  await expect(roaming.done).toContainText('Роуминг отключён');
  await expect(roaming.state).toHaveAttribute('data-enabled', 'false');
  await expect(roaming.access('voice')).toHaveAttribute('data-state', 'roaming_off');
  await expect(page.getByTestId('roaming-off-note')).toBeVisible();
  const stored = await db
    .selectFrom('line_roaming')
    .select('enabled')
    .where('line_id', '=', sub.lineId)
    .executeTakeFirstOrThrow();
  expect(stored.enabled).toBe(false);

  await roaming.toggle.click();
  await expect(roaming.done).toContainText('Роуминг включён');
  await expect(roaming.state).toHaveAttribute('data-enabled', 'true');
  const requests = await db
    .selectFrom('requests')
    .select(['kind', 'status'])
    .where('line_id', '=', sub.lineId)
    .execute();
  expect(requests).toEqual([
    { kind: 'roaming_change', status: 'done' },
    { kind: 'roaming_change', status: 'done' },
  ]);

  // With the "no data in roaming" ban on, data is barred while calls still work, and the screen says why.
  await db.insertInto('line_bans').values({ line_id: sub.lineId, ban_code: 'roaming-data' }).execute();
  await page.reload();
  await expect(roaming.access('data')).toHaveAttribute('data-state', 'barred');
  await expect(roaming.access('voice')).toHaveAttribute('data-state', 'available');
  await expect(page.getByTestId('roaming-bans-active')).toContainText('Запрет интернета в роуминге');
});

test('SVC-05 connects a roaming package through the options service', async ({ page, db }) => {
  const sub = await freshSubscriber(db, { tariffCode: 'moy-online', balance: 500_00n, withLogin: true });
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const roaming = new RoamingPage(page);
  await roaming.open();
  await expect(roaming.package('roaming-cis')).toContainText('Выгодное СНГ');
  await expect(page.getByTestId('roaming-packages')).toContainText('Действует: СНГ');

  await roaming.connectPackage('roaming-cis');
  await expect(roaming.done).toContainText('Выгодное СНГ');
  await expect(roaming.package('roaming-cis')).toHaveAttribute('data-connected', 'true');
  const connected = await db
    .selectFrom('line_options')
    .innerJoin('options', 'options.id', 'line_options.option_id')
    .select('options.code')
    .where('line_options.line_id', '=', sub.lineId)
    .execute();
  expect(connected).toEqual([{ code: 'roaming-cis' }]);
});
