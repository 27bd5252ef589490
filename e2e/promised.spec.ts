import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { DashboardPage } from './page-models/dashboard-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { PromisedPage } from './page-models/promised-page.ts';
import { VirtualPhone } from './page-models/virtual-phone.ts';

const DAY = 86_400_000;

/** Card top-ups 10 days ago: what the rules average over 3 months (1 800 ₽ → 600 ₽ a month → up to 300 ₽). */
async function topUpsOf(db: Db, sub: { accountId: string; lineId: string }, amount: bigint) {
  const at = new Date(Date.now() - 10 * DAY);
  await db
    .insertInto('payments')
    .values({
      id: newId('payment'),
      account_id: sub.accountId,
      line_id: sub.lineId,
      source: 'card',
      amount,
      status: 'succeeded',
      created_at: at,
      completed_at: at,
    })
    .execute();
}

test('PAY-05 takes a promised payment on a line with a low balance and sees it on the dashboard with the due date', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { balance: 12_00n, withLogin: true, activatedDaysAgo: 200 });
  await topUpsOf(db, sub, 1800_00n);
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const promised = new PromisedPage(page);
  await promised.openFromDashboard();

  await expect(promised.view).toHaveAttribute('data-eligible', 'true');
  await expect(page.getByTestId('promised-option')).toHaveCount(4);
  await expect(promised.option(200_00)).toContainText('комиссия 10 ₽');
  await expect(promised.option(100_00)).toContainText('без комиссии');

  await promised.take(200_00);
  await expect(promised.done).toContainText('Зачислено 200 ₽');
  await expect(promised.active).toContainText('200 ₽');
  await expect(page.getByTestId('promised-balance')).toContainText('202 ₽');
  const row = await db
    .selectFrom('promised_payments')
    .select(['amount', 'fee', 'status', 'due_at', 'taken_at'])
    .where('line_id', '=', sub.lineId)
    .executeTakeFirstOrThrow();
  expect(row).toMatchObject({ amount: 200_00n, fee: 10_00n, status: 'active' });
  expect(row.due_at.getTime() - row.taken_at.getTime()).toBe(3 * DAY);
  const dueText = new Intl.DateTimeFormat('ru', {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Moscow',
  }).format(row.due_at);
  await expect(promised.activeDue).toContainText(dueText);

  await page.getByTestId('nav-home').click();
  const dashboard = new DashboardPage(page);
  await expect(dashboard.balance).toContainText('202');
  const note = page.getByTestId('dashboard-promised');
  await expect(note).toContainText('200 ₽');
  await expect(note).toContainText(dueText);
  await dashboard.switchLanguage('en');
  await expect(note).toContainText('Promised payment');
  await expect(note).toContainText('debited on');
});

test('PAY-05 a new line with no top-ups is told why it cannot take a promised payment', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { balance: 5_00n, withLogin: true, activatedDaysAgo: 20 });
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const promised = new PromisedPage(page);
  await promised.openFromDashboard();
  await expect(promised.view).toHaveAttribute('data-eligible', 'false');
  await expect(promised.refusal('tenure_too_short')).toContainText('не меньше 60 дн., сейчас — 20 дн.');
  await expect(promised.refusal('low_top_ups')).toContainText('нужно от 100 ₽');
  await expect(page.getByTestId('promised-option')).toHaveCount(0);
});

test('PAY-05 CHAN-03 takes a promised payment by dialling *106# on the phone', async ({ page, db }) => {
  const sub = await freshSubscriber(db, { balance: 3_00n, withLogin: true, activatedDaysAgo: 200 });
  await topUpsOf(db, sub, 300_00n);
  await new LoginPage(page).open();
  const phone = new VirtualPhone(page);
  await phone.show(sub.msisdn);

  await phone.dial('*106#');
  await expect(phone.ussdScreen).toContainText('Обещанный платёж на 3 дн.:');
  await expect(phone.ussdScreen).toContainText('2 100 руб.');
  await phone.answer('2');
  await expect(phone.ussdScreen).toContainText('Зачислим 100 руб.');
  await phone.answer('1');
  await expect(phone.ussdScreen).toContainText('Зачислено 100 руб.');
  await expect(phone.ussdScreen).toHaveAttribute('data-end', 'true');
  const rows = await db
    .selectFrom('promised_payments')
    .select(['amount', 'channel'])
    .where('line_id', '=', sub.lineId)
    .execute();
  expect(rows).toEqual([{ amount: 100_00n, channel: 'ussd' }]);
});
