import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { LoginPage } from './page-models/login-page.ts';
import { TransferPage } from './page-models/transfer-page.ts';
import { VirtualPhone } from './page-models/virtual-phone.ts';

async function balanceOf(db: Parameters<typeof freshSubscriber>[0], accountId: string) {
  const row = await db
    .selectFrom('billing_accounts as a')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .select('la.balance')
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

test('PAY-06 transfers money with the SMS code read on the virtual phone, fee shown before sending, then listed as sent', async ({
  page,
  db,
}) => {
  const sender = await freshSubscriber(db, { balance: 500_00n, withLogin: true });
  const friend = await freshSubscriber(db);
  const loginCode = await new LoginPage(page).loginWithCode(sender.msisdn);
  const transfer = new TransferPage(page);
  await transfer.open();

  await transfer.fill(friend.msisdn.replace('+7', '8 '), '100');
  // 5 ₽ + 1 % of 100 ₽, and what leaves the balance, before anything is sent.
  await expect(transfer.fee).toContainText('6,00');
  await expect(transfer.total).toContainText('106,00');
  await transfer.submit.click();
  await expect(transfer.codeStep).toBeVisible();
  expect(await balanceOf(db, sender.accountId)).toBe(500_00n);

  await new VirtualPhone(page).show(sender.msisdn);
  const code = await transfer.codeFromVirtualPhone({ not: loginCode });
  await transfer.code.fill(code);
  await transfer.confirm.click();
  await expect(transfer.done).toContainText('100,00');
  await expect(page.getByTestId('transfer-balance-after')).toContainText('394,00');
  expect(await balanceOf(db, sender.accountId)).toBe(394_00n);
  expect(await balanceOf(db, friend.accountId)).toBe(100_00n);
  // The list of sent transfers shows it, done, with its fee.
  const sent = page.getByTestId('transfer-sent-row');
  await expect(sent).toHaveCount(1);
  await expect(sent.first()).toHaveAttribute('data-status', 'completed');
  await expect(sent.first()).toContainText('100,00');
  await expect(sent.first()).toContainText('6,00');
  await expect(sent.first()).toContainText('Выполнен');
});

test('PAY-06 names the problem on the form: same number, and more than the balance allows', async ({
  page,
  db,
}) => {
  const sender = await freshSubscriber(db, { balance: 50_00n, withLogin: true });
  const friend = await freshSubscriber(db);
  await new LoginPage(page).loginWithCode(sender.msisdn);
  const transfer = new TransferPage(page);
  await transfer.open();

  await transfer.fill(sender.msisdn, '20');
  await transfer.submit.click();
  await expect(page.getByTestId('transfer-form').getByTestId('field-error')).toContainText('этот же номер');

  await transfer.fill(friend.msisdn, '45');
  await transfer.submit.click();
  await expect(page.getByTestId('transfer-form').getByTestId('field-error')).toContainText(
    'Недостаточно средств',
  );
  await expect(transfer.codeStep).toHaveCount(0);
  expect(await balanceOf(db, sender.accountId)).toBe(50_00n);
});
