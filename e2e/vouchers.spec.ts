import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { DashboardPage } from './page-models/dashboard-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { issueTestVoucher, VoucherPage } from './page-models/voucher-page.ts';

async function balanceOf(db: Parameters<typeof freshSubscriber>[0], accountId: string) {
  const row = await db
    .selectFrom('billing_accounts as a')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .select('la.balance')
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

test('PAY-03 redeems a voucher code and the balance grows; the same code again is refused', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { balance: 100_00n, withLogin: true });
  const card = await issueTestVoucher(db, 250_00n);
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const voucher = new VoucherPage(page);
  await voucher.open();

  // Typed as it is printed, in groups.
  await voucher.redeem(card.code.replaceAll('-', ' '));
  await expect(voucher.done).toContainText('250,00');
  await expect(voucher.done).toContainText(card.serial);
  await expect(voucher.balance).toContainText('350,00');
  expect(await balanceOf(db, sub.accountId)).toBe(350_00n);
  const payment = await db
    .selectFrom('payments')
    .select(['source', 'status', 'amount'])
    .where('account_id', '=', sub.accountId)
    .where('source', '=', 'voucher')
    .executeTakeFirstOrThrow();
  expect(payment).toEqual({ source: 'voucher', status: 'succeeded', amount: 250_00n });

  await page.getByTestId('voucher-another').click();
  await voucher.redeem(card.code);
  await expect(voucher.codeError()).toContainText('неверный или уже использован');
  await expect(voucher.codeError()).toContainText('Осталось попыток: 4');
  expect(await balanceOf(db, sub.accountId)).toBe(350_00n);
});

test('PAY-03 tops up another number with a voucher, in English', async ({ page, db }) => {
  const sub = await freshSubscriber(db, { balance: 100_00n, withLogin: true });
  const friend = await freshSubscriber(db);
  const card = await issueTestVoucher(db, 100_00n);
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const voucher = new VoucherPage(page);
  await voucher.open();
  await new DashboardPage(page).switchLanguage('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voucher');
  await voucher.redeem(card.code, friend.msisdn.replace('+7', '8 '));
  await expect(voucher.done).toContainText('topped up by');
  await expect(voucher.balance).toHaveCount(0);
  expect(await balanceOf(db, friend.accountId)).toBe(100_00n);
  expect(await balanceOf(db, sub.accountId)).toBe(100_00n);
});
