import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { storedLine, storedStatus } from './line-data.ts';
import { LoginPage } from './page-models/login-page.ts';
import { SimPage } from './page-models/sim-page.ts';
import { SimUnblock } from './page-models/sim-unblock.ts';

test('SVC-09 blocks a lost SIM and the balance is kept', async ({ page, db, spareNumber }) => {
  const msisdn = spareNumber('lostSim');
  const before = await storedLine(db, msisdn);
  await new LoginPage(page).loginWithCode(msisdn);

  const sim = new SimPage(page);
  await sim.openFor(before.id);
  await expect(sim.status).toHaveAttribute('data-status', 'active');

  await sim.blockSim('lost');
  await expect(sim.dialog).toContainText('Баланс сохранится');
  await sim.confirm();

  await expect(sim.done).toContainText('заблокирована');
  await expect(sim.status).toHaveAttribute('data-status', 'blocked');
  await expect(sim.blocked).toHaveAttribute('data-reason', 'lost');
  await expect(sim.blocked).toContainText('в офисе');
  await expect(page.getByTestId('sim-block')).toHaveCount(0);
  // A lost SIM is not re-issued online.
  await expect(page.getByTestId('esim-get')).toHaveCount(0);

  expect(await storedStatus(db, before.id)).toEqual({ status: 'blocked', block_reason: 'lost' });
  expect((await storedLine(db, msisdn)).balance).toBe(before.balance);

  // After a reload the screen still tells what happened and where to unblock.
  await page.reload();
  await expect(sim.blocked).toHaveAttribute('data-reason', 'lost');
});

test('SVC-09 issues an eSIM with a QR code', async ({ page, db, spareNumber }) => {
  const msisdn = spareNumber('esim');
  const line = await storedLine(db, msisdn);
  await new LoginPage(page).loginWithCode(msisdn);

  const sim = new SimPage(page);
  await sim.openFor(line.id);
  await page.getByTestId('esim-get').click();

  await expect(page.getByTestId('esim-code')).toHaveValue(/^LPA:1\$/);
  const qr = page.getByTestId('esim-qr');
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;utf8,%3Csvg/i);
  // The image decodes: the SVG is a valid picture, not markup put into the page.
  await expect
    .poll(() => qr.evaluate((img: { naturalWidth: number }) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.locator('[data-testid="sim-card"][data-kind="esim"][data-status="pending"]')).toHaveCount(
    1,
  );
});

test('SVC-09 PLAN-06 a partial-access session sees the SIM state but no controls', async ({
  page,
  db,
  spareNumber,
}) => {
  const msisdn = spareNumber('partialSim');
  const line = await storedLine(db, msisdn);
  // Playing the operator's gateway, as in ACCESS-09: a header-enrichment login has partial access.
  await page.context().setExtraHTTPHeaders({ 'x-msisdn': msisdn });
  const login = new LoginPage(page);
  await login.open();
  await page.getByTestId('enrichment-login').click();
  await expect(page.getByTestId('logout')).toBeVisible();

  const sim = new SimPage(page);
  await sim.openFor(line.id);
  await expect(sim.status).toHaveAttribute('data-status', 'active');
  await expect(page.getByTestId('partial-access-note')).toBeVisible();
  await expect(page.getByTestId('sim-read-only').first()).toContainText('Недоступно при частичном доступе');
  for (const control of ['sim-block', 'suspension-start', 'replacement-order', 'esim-get'])
    await expect(page.getByTestId(control)).toHaveCount(0);
});

test('SVC-09 unblocks a found SIM with a code sent to the recovery phone, counting a wrong code', async ({
  page,
  db,
}) => {
  const { msisdn } = await freshSubscriber(db);
  const recovery = '+79990009209';
  const line = await storedLine(db, msisdn);
  // The first code login registers the owner; the recovery phone is theirs from the security settings.
  await new LoginPage(page).loginWithCode(msisdn);
  await db.updateTable('logins').set({ recovery_phone: recovery }).where('identifier', '=', msisdn).execute();

  const sim = new SimPage(page);
  await sim.openFor(line.id);
  await sim.blockSim('lost');
  await sim.confirm();
  await expect(sim.status).toHaveAttribute('data-status', 'blocked');

  const unblock = new SimUnblock(page);
  await expect(unblock.form).toContainText('••-09');
  await unblock.requestCode();
  const code = await unblock.codeSentTo(recovery);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await unblock.enter(wrong);
  await expect(unblock.error).toContainText('Осталось попыток: 4');
  await unblock.enter(code);

  await expect(sim.done).toContainText('разблокирован');
  await expect(sim.status).toHaveAttribute('data-status', 'active');
  const stored = await db
    .selectFrom('lines')
    .select(['status', 'block_reason'])
    .where('id', '=', line.id)
    .executeTakeFirstOrThrow();
  expect(stored).toEqual({ status: 'active', block_reason: null });
});
