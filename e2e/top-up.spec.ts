import { expect, test } from './fixtures.ts';
import { freshSubscriber } from './fresh-subscriber.ts';
import { DashboardPage } from './page-models/dashboard-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { TopUpPage } from './page-models/top-up-page.ts';
import { TopUpResultPage } from './page-models/top-up-result.ts';
import { TopUpSandboxPage } from './page-models/top-up-sandbox.ts';

test('PAY-01 tops up own line by card through the sandbox page and the balance on the dashboard grows', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { balance: 50_00n, withLogin: true });
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.balance).toContainText('50,00');

  const topUp = new TopUpPage(page);
  await topUp.openFromDashboard();
  await expect(topUp.testNotice).toContainText('TEST');
  await topUp.preset(500_00).click();
  await expect(topUp.amount).toHaveValue('500');
  await topUp.pay();

  const sandbox = new TopUpSandboxPage(page);
  await expect(sandbox.amount).toContainText('500,00');
  await sandbox.payWith('4242 4242 4242 4242');

  const result = new TopUpResultPage(page);
  await expect(page).toHaveURL(/\/pay\/result\?payment=pay_/);
  await expect(result.succeeded).toBeVisible();
  await expect(result.receipt).toContainText('4242');
  await expect(result.receipt).toContainText('TEST');
  await expect(page.getByTestId('receipt-amount')).toContainText('500,00');

  await result.home.click();
  await expect(dashboard.balance).toContainText('550,00');
});

test('PAY-01 a declined card shows a clear message, credits nothing and offers to try again', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { balance: 50_00n, withLogin: true });
  await new LoginPage(page).loginWithCode(sub.msisdn);
  const topUp = new TopUpPage(page);
  await topUp.openFromDashboard();
  // A clear error before anything is sent: below the minimum.
  await topUp.amount.fill('50');
  await topUp.submit.click();
  await expect(page.getByTestId('field-error')).toContainText('Не меньше 100');
  await topUp.amount.fill('300');
  await topUp.pay();

  await new TopUpSandboxPage(page).payWith('4000 0000 0000 0002');
  const result = new TopUpResultPage(page);
  await expect(result.failed).toBeVisible();
  await expect(result.reason).toContainText('Банк отклонил карту');
  const payments = await db
    .selectFrom('payments')
    .select(['status', 'failure_reason'])
    .where('line_id', '=', sub.lineId)
    .where('source', '=', 'card')
    .execute();
  expect(payments).toEqual([{ status: 'failed', failure_reason: 'card_declined' }]);

  await result.retry.click();
  await expect(topUp.amount).toHaveValue('300');
  await page.goto('/');
  await expect(new DashboardPage(page).balance).toContainText('50,00');
});

test('PAY-02 tops up another number typed with 8 and brackets, confirming with 3-D Secure', async ({
  page,
  db,
}) => {
  const payer = await freshSubscriber(db, { withLogin: true });
  const other = await freshSubscriber(db, { balance: 10_00n });
  await new LoginPage(page).loginWithCode(payer.msisdn);
  const topUp = new TopUpPage(page);
  await topUp.openFromDashboard();
  await topUp.chooseOtherNumber();
  const digits = other.msisdn.slice(2);
  await topUp.number.fill(
    `8 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`,
  );
  await topUp.amount.fill('150');
  await topUp.pay();

  const sandbox = new TopUpSandboxPage(page);
  await sandbox.payWith('4000 0000 0000 3220');
  await expect(page).toHaveURL(/\/3ds$/);
  await sandbox.confirm3ds();
  const result = new TopUpResultPage(page);
  await expect(result.succeeded).toBeVisible();
  await expect(page.getByTestId('receipt-number')).toContainText(digits.slice(6, 8));
  const balance = await db
    .selectFrom('billing_accounts as a')
    .innerJoin('ledger_accounts as l', 'l.id', 'a.ledger_account_id')
    .select('l.balance')
    .where('a.id', '=', other.accountId)
    .executeTakeFirstOrThrow();
  expect(balance.balance).toBe(160_00n);
});
