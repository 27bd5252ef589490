import { sql } from 'kysely';
import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { storedLine, topUp } from './line-data.ts';
import { HistoryPage } from './page-models/history-page.ts';
import { LoginPage } from './page-models/login-page.ts';

/** `YYYY-MM-DD` in Moscow, `days` before now. */
function moscowDate(daysAgo: number): string {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(at);
}

test('SVC-10 returns the services to how they were two days ago, showing every fee first', async ({
  page,
  db,
}) => {
  const { msisdn } = await freshSubscriber(db);
  const line = await storedLine(db, msisdn);
  await topUp(db, msisdn, 1000_00n);
  const before = await storedLine(db, msisdn);
  // An option the line had until an hour ago: free of rules, not connected now, with a connection fee.
  const option = await db
    .selectFrom('options')
    .select(['id', 'name_ru', 'connect_fee'])
    .where('archived_at', 'is', null)
    .where('category', '!=', 'content')
    .where('connect_fee', '>', 0n)
    .where(sql<boolean>`cardinality(requires_tariffs) = 0 AND cardinality(excludes_options) = 0`)
    .where('id', 'not in', db.selectFrom('line_options').select('option_id').where('line_id', '=', line.id))
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const fee = option.connect_fee;
  // The history as the migration's backfill writes it (the line has no options now).
  await sql`
    INSERT INTO line_service_periods (line_id, tariff_id, valid_from)
      SELECT id, tariff_id, activated_at FROM lines WHERE id = ${line.id}`.execute(db);
  await sql`
    INSERT INTO line_service_periods (line_id, option_id, valid_from, valid_to)
      VALUES (${line.id}, ${option.id}, now() - interval '30 days', now() - interval '1 hour')`.execute(db);
  const roubles = String(fee / 100n);

  await new LoginPage(page).loginWithCode(msisdn);
  const history = new HistoryPage(page);
  await history.openFor(line.id);
  await expect(
    page.locator('[data-testid="history-entry"][data-type="option_disconnected"]').first(),
  ).toContainText(option.name_ru);

  await history.planFor(moscowDate(2));
  await expect(history.dialog.getByTestId('plan-connect')).toContainText(option.name_ru);
  await expect(history.dialog.getByTestId('plan-connect')).toContainText(roubles);
  await expect(history.dialog.getByTestId('plan-total')).toContainText(roubles);
  await history.confirm();

  await expect(history.done).toContainText('возвращены');
  await expect(page.locator('[data-testid="history-entry"]').first()).toHaveAttribute(
    'data-type',
    'option_connected',
  );
  const connected = await db
    .selectFrom('line_options')
    .select('option_id')
    .where('line_id', '=', line.id)
    .where('option_id', '=', option.id)
    .execute();
  expect(connected).toHaveLength(1);
  expect((await storedLine(db, msisdn)).balance).toBe(before.balance - fee);

  // Nothing is left to change for that day now: the plan says so and cannot be confirmed.
  await history.planFor(moscowDate(2));
  await expect(history.dialog.getByTestId('plan-nothing')).toBeVisible();
  await expect(history.dialog.getByTestId('dialog-confirm')).toBeDisabled();
});
