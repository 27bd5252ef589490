import { OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { applyBalanceRules } from '../apps/server/src/charging/balance-rules.ts';
import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { storedLine, storedStatus, topUp } from './line-data.ts';
import { BalanceWarnings } from './page-models/balance-warnings.ts';
import { DashboardPage } from './page-models/dashboard-page.ts';
import { LoginPage } from './page-models/login-page.ts';

test('RATE-04 a line blocked for debt says why on the dashboard and a top-up unblocks it', async ({
  page,
  db,
}) => {
  const { msisdn, accountId } = await freshSubscriber(db, { balance: 300_00n, withLogin: true });
  const line = await storedLine(db, msisdn);
  // A fee the balance cannot cover (a real ledger transfer), funds out since two days: the grace is over.
  const accounts = OPERATOR_ACCOUNT_IDS;
  const debt = line.balance + 150_00n;
  await db.transaction().execute((trx) =>
    postTransfer(trx, {
      debitAccountId: line.ledgerAccountId,
      creditAccountId: accounts.revenueFees,
      amount: debt,
      kind: 'periodic_fee',
      lineId: line.id,
      description: 'e2e fee',
    }),
  );
  const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
  await db
    .insertInto('account_funds_state')
    .values({ account_id: accountId, out_of_funds_since: twoDaysAgo })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ out_of_funds_since: twoDaysAgo }))
    .execute();
  const outcome = await applyBalanceRules(db, [accountId], new Date());
  expect(outcome.blocked).toContain(line.id);

  await new LoginPage(page).loginWithCode(msisdn);
  const warnings = new BalanceWarnings(page);
  await expect(warnings.banner('blocked_debt')).toContainText('закончились средства');
  await expect(warnings.banner('blocked_debt')).toContainText('Входящие звонки и SMS доступны');
  await expect(warnings.banner('negative_balance')).toBeVisible();

  await new DashboardPage(page).switchLanguage('en');
  await expect(warnings.banner('blocked_debt')).toContainText('Incoming calls and SMS still work');

  await topUp(db, msisdn, 300_00n);
  expect((await applyBalanceRules(db, [accountId], new Date())).unblocked).toEqual([line.id]);
  await page.reload();
  await expect(page.getByTestId('balance-amount')).toBeVisible();
  await expect(warnings.banner('blocked_debt')).toHaveCount(0);
  expect(await storedStatus(db, line.id)).toEqual({ status: 'active', block_reason: null });
});
