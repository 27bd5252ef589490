import { expect, test } from './fixtures.ts';
import { storedLine, topUp } from './line-data.ts';
import { DashboardPage } from './page-models/dashboard-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { RequestsPage } from './page-models/requests-page.ts';
import { TariffsPage } from './page-models/tariffs-page.ts';

/** The tariff this journey switches to, and the transition fee the demo catalog gives it. */
const TARGET = 'premium';
const TRANSITION_FEE = 100_00n;

test('PLAN-03 changes the tariff now after a confirmation that shows the fee', async ({
  page,
  db,
  spareNumber,
}) => {
  const msisdn = spareNumber('tariffChange');
  // Enough for the transition fee, whatever the seeded balance was.
  await topUp(db, msisdn, 5_000_00n);
  const before = await storedLine(db, msisdn);
  expect(before.tariffCode).not.toBe(TARGET);
  await new LoginPage(page).loginWithCode(msisdn);

  const tariffs = new TariffsPage(page);
  await tariffs.openFromDashboard();
  await expect(tariffs.currentName).toHaveText(before.name_ru);
  const offer = tariffs.offer(TARGET);
  await expect(offer.getByTestId('transition-fee')).toHaveText(/Переход\s100\s₽/);
  const name = (await offer.locator('h3').textContent()) ?? '';

  await tariffs.openChange(offer);
  await expect(tariffs.dialog.getByTestId('when-now')).toBeChecked();
  // The confirmation shows the fee that is charged now, the same the card promised.
  await expect(tariffs.chargeNow).toHaveText(/100\s₽/);
  const fee = await tariffs.shownChargeNow();
  expect(fee).toBe(TRANSITION_FEE);
  await tariffs.confirm();

  await expect(tariffs.currentName).toHaveText(name);
  const after = await storedLine(db, msisdn);
  expect(after.tariffCode).toBe(TARGET);
  expect(before.balance - after.balance).toBe(fee);

  await page.getByTestId('nav-home').click();
  const dashboard = new DashboardPage(page);
  await expect(dashboard.tariff).toHaveText(name);
  expect(((await dashboard.balance.textContent()) ?? '').replace(/\D/g, '')).toBe(String(after.balance));
});

test('SVC-11 the requests list shows the tariff change with its time line', async ({
  page,
  db,
  spareNumber,
}) => {
  const msisdn = spareNumber('requestsList');
  await topUp(db, msisdn, 5_000_00n);
  await new LoginPage(page).loginWithCode(msisdn);

  const tariffs = new TariffsPage(page);
  await tariffs.openFromDashboard();
  const offer = tariffs.offers.first();
  const name = (await offer.locator('h3').textContent()) ?? '';
  await tariffs.openChange(offer);
  await tariffs.dialog.getByTestId('when-next-period').check();
  // Planned for the next period: nothing is charged now.
  await expect(tariffs.chargeNow).toHaveAttribute('data-kopecks', '0');
  await tariffs.confirm();
  await expect(page.getByTestId('pending-change')).toContainText(name);

  const requests = new RequestsPage(page);
  await requests.open();
  const request = requests.ofKind('tariff_change').first();
  await expect(request).toContainText(name);
  await expect(request.getByTestId('request-status')).toHaveText('Принята');
  const timeline = await requests.expand(request);
  await expect(timeline.locator('li')).toHaveCount(1);
  await expect(timeline).toContainText('Принята');

  // Cancelling the planned change rejects the request: the time line grows by that step.
  await page.getByTestId('nav-tariffs').click();
  await page.getByTestId('cancel-pending').click();
  await expect(page.getByTestId('pending-change')).toHaveCount(0);
  await requests.open();
  const cancelled = requests.ofKind('tariff_change').first();
  await expect(cancelled.getByTestId('request-status')).toHaveText('Отклонена');
  const steps = (await requests.expand(cancelled)).locator('li');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('Принята');
  await expect(steps.nth(1)).toContainText('Отклонена');
});
