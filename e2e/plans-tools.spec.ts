import type { Db } from '@kabinet/db';
import type { Page } from '@playwright/test';
import { lineTariffFee } from '../apps/server/src/plans/tariff-price.ts';
import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { storedLine } from './line-data.ts';
import { DashboardPage } from './page-models/dashboard-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { TariffBuilderPage } from './page-models/tariff-builder-page.ts';
import { TariffPickerPage } from './page-models/tariff-picker-page.ts';
import { TariffsPage } from './page-models/tariffs-page.ts';

const TIME_ZONE = 'Europe/Moscow';

/**
 * A subscriber of its own for a tariff journey (5000 ₽, a tariff hidden from the catalogue, so no other journey
 * sees it on offer), logged in and on the tariffs page; with the line as stored before anything changed.
 */
async function onTariffsAsNewSubscriber(page: Page, db: Db) {
  const { msisdn } = await freshSubscriber(db, { tariffCode: null, balance: 5_000_00n, withLogin: true });
  const before = await storedLine(db, msisdn);
  await new LoginPage(page).loginWithCode(msisdn);
  const tariffs = new TariffsPage(page);
  await tariffs.openFromDashboard();
  return { msisdn, before, tariffs };
}

test('PLAN-04 the survey proposes the tariff that covers the stated use and leads into the change', async ({
  page,
  db,
}) => {
  // Only "Премиум" (3000 min, 100 GB, 1000 SMS for 2500 ₽, 100 ₽ to move onto) covers this much.
  const { msisdn, before, tariffs } = await onTariffsAsNewSubscriber(page, db);

  const picker = new TariffPickerPage(page);
  await picker.openFromTariffs();
  await picker.answer({ focus: 'minutes', minutes: 2000, gigabytes: 50, messages: 500 });
  const best = picker.proposals.first();
  await expect(best).toHaveAttribute('data-code', 'premium');
  await expect(best).toHaveAttribute('data-fits', 'true');
  // The reason names the stated use, the main one first, and the monthly price.
  await expect(best.getByTestId('proposal-reason')).toHaveText(
    /^Покрывает ваши 2000\sмин, 50\sГБ, 500\sSMS; 2\s500\s₽ в месяц$/,
  );
  // The rest fall short, and say of what.
  await expect(picker.proposals.nth(1).getByTestId('proposal-short')).toContainText('Не хватит');
  // The same reason in English.
  const dashboard = new DashboardPage(page);
  await dashboard.switchLanguage('en');
  await expect(best.getByTestId('proposal-reason')).toHaveText(
    /^Covers your 2000\smin, 50\sGB, 500\sSMS; .*2,500.* a month$/,
  );
  await dashboard.switchLanguage('ru');
  await expect(best.getByTestId('proposal-reason')).toContainText('Покрывает');

  await picker.choose(best);
  await expect(tariffs.dialog).toBeVisible();
  await expect(tariffs.chargeNow).toHaveAttribute('data-kopecks', '10000');
  await tariffs.dialog.getByTestId('dialog-confirm').click();
  await expect(page).toHaveURL(/\/tariffs$/);
  await expect(tariffs.done).toBeVisible();
  await expect(tariffs.currentName).toHaveText('Премиум');
  const after = await storedLine(db, msisdn);
  expect(after.tariffCode).toBe('premium');
  expect(before.balance - after.balance).toBe(100_00n);
});

test('PLAN-05 the sliders set a configurable tariff, the price follows them, and it is what is charged', async ({
  page,
  db,
}) => {
  const { msisdn, before, tariffs } = await onTariffsAsNewSubscriber(page, db);

  const offer = tariffs.offer('konstruktor');
  await expect(offer.getByTestId('transition-fee')).toHaveText(/Переход\s50\s₽/);
  await offer.getByTestId('configure-tariff').click();
  const builder = new TariffBuilderPage(page);
  await builder.waitOpen();
  // The default: 300 min, 10 GB, 100 SMS for 500 ₽.
  await expect(builder.value('minutes')).toHaveText(/300\sмин/);
  await expect(builder.price).toHaveAttribute('data-kopecks', '50000');

  await builder.move('minutes', 1);
  await builder.move('gigabytes', 2);
  await builder.move('messages', -1);
  await expect(builder.value('minutes')).toHaveText(/600\sмин/);
  await expect(builder.value('gigabytes')).toHaveText(/40\sГБ/);
  await expect(builder.value('messages')).toHaveText(/0\sSMS/);
  // 150 base + 200 (600 min) + 450 (40 GB) + 0: updated as the sliders moved.
  await expect(builder.price).toHaveText(/800\s₽/);
  const shown = await builder.shownPrice();
  expect(shown).toBe(800_00n);

  await builder.continue.click();
  await expect(tariffs.dialog).toBeVisible();
  await expect(tariffs.dialog.getByTestId('new-fee')).toHaveAttribute('data-kopecks', String(shown));
  await expect(tariffs.chargeNow).toHaveAttribute('data-kopecks', '5000');
  const chargedNow = await tariffs.shownChargeNow();
  await tariffs.dialog.getByTestId('dialog-confirm').click();
  await expect(page).toHaveURL(/\/tariffs$/);
  await expect(tariffs.done).toBeVisible();
  await expect(tariffs.currentName).toHaveText('Конструктор');
  await expect(page.getByTestId('current-choice')).toHaveText(/600\sмин, 40\sГБ, 0\sSMS/);
  await expect(page.getByTestId('current-tariff-fee')).toHaveAttribute('data-kopecks', String(shown));

  const switched = await storedLine(db, msisdn);
  expect(switched.tariffCode).toBe('konstruktor');
  expect(before.balance - switched.balance).toBe(chargedNow);
  // The monthly fee the fee job will charge is the price the sliders showed.
  expect(await lineTariffFee(db, switched.id, new Date(), TIME_ZONE)).toBe(shown);

  // Re-configuring now: 100 SMS more costs 30 ₽ a month, and the rise is charged for this period.
  await page.getByTestId('configure-current').click();
  await builder.waitOpen();
  await expect(builder.value('minutes')).toHaveText(/600\sмин/);
  await expect(builder.continue).toBeDisabled();
  await builder.move('messages', 1);
  await expect(builder.price).toHaveText(/830\s₽/);
  await builder.continue.click();
  await expect(tariffs.dialog.getByTestId('one-off-fee')).toHaveAttribute('data-kopecks', '3000');
  const rise = await tariffs.shownChargeNow();
  await tariffs.dialog.getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('current-choice')).toHaveText(/600\sмин, 40\sГБ, 100\sSMS/);
  const reconfigured = await storedLine(db, msisdn);
  expect(switched.balance - reconfigured.balance).toBe(rise);
  expect(await lineTariffFee(db, switched.id, new Date(), TIME_ZONE)).toBe(830_00n);

  await page.getByTestId('nav-home').click();
  const home = new DashboardPage(page);
  await expect(home.tariff).toHaveText('Конструктор');
  await expect(home.packageOf('voice')).toContainText('600');
});
