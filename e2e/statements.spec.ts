import { addMonths, monthBounds, monthOf, newId } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { sql } from 'kysely';
import { issueInvoice } from '../apps/server/src/statements/issue-invoice.ts';
import { expect, test } from './fixtures.ts';
import { type FreshSubscriber, freshSubscriber } from './fresh-subscriber.ts';
import { LoginPage } from './page-models/login-page.ts';
import { ExpensesScreen, InvoicesScreen, PaymentHistoryScreen } from './page-models/statements-pages.ts';

const TZ = 'Europe/Moscow';
const DAY = 86_400_000;

/** This month and the one before, with an instant inside each that is already in the past. */
function months() {
  const now = new Date();
  const current = monthOf(now, TZ);
  const previous = addMonths(current, -1);
  return {
    current,
    previous,
    inCurrent: new Date(monthBounds(current, TZ).start.getTime() + 60_000),
    inPrevious: new Date(monthBounds(previous, TZ).start.getTime() + 5 * DAY),
  };
}

async function ledgerOf(db: Db, sub: FreshSubscriber) {
  const account = await db
    .selectFrom('billing_accounts')
    .select(['ledger_account_id', 'number'])
    .where('id', '=', sub.accountId)
    .executeTakeFirstOrThrow();
  return { ...account, operator: OPERATOR_ACCOUNT_IDS };
}

async function pay(
  db: Db,
  sub: FreshSubscriber,
  at: Date,
  amount: bigint,
  source: 'card' | 'voucher' | 'bank',
  ok = true,
) {
  const { ledger_account_id, operator } = await ledgerOf(db, sub);
  const transfer = ok
    ? await db.transaction().execute((trx) =>
        postTransfer(trx, {
          debitAccountId: operator.cash,
          creditAccountId: ledger_account_id,
          amount,
          kind: 'topup',
          lineId: sub.lineId,
          at,
        }),
      )
    : null;
  await db
    .insertInto('payments')
    .values({
      id: newId('payment', at),
      account_id: sub.accountId,
      line_id: sub.lineId,
      source,
      amount,
      status: ok ? 'succeeded' : 'failed',
      transfer_id: transfer?.id ?? null,
      created_at: at,
      completed_at: at,
    })
    .execute();
}

async function use(
  db: Db,
  sub: FreshSubscriber,
  at: Date,
  kind: 'voice_out' | 'data',
  cost: bigint,
  zone: string | null = null,
) {
  const { ledger_account_id, operator } = await ledgerOf(db, sub);
  await sql`SELECT ensure_usage_partition(${at})`.execute(db);
  const transfer = await db.transaction().execute((trx) =>
    postTransfer(trx, {
      debitAccountId: ledger_account_id,
      creditAccountId: operator.revenueUsage,
      amount: cost,
      kind: 'usage',
      lineId: sub.lineId,
      at,
    }),
  );
  await db
    .insertInto('usage_records')
    .values({
      id: newId('usage', at),
      started_at: at,
      line_id: sub.lineId,
      account_id: sub.accountId,
      kind,
      volume: 60n,
      roaming_zone: zone,
      cost,
      transfer_id: transfer.id,
      rated_at: at,
    })
    .execute();
}

async function fee(db: Db, sub: FreshSubscriber, at: Date, amount: bigint) {
  const { ledger_account_id, operator } = await ledgerOf(db, sub);
  await db.transaction().execute((trx) =>
    postTransfer(trx, {
      debitAccountId: ledger_account_id,
      creditAccountId: operator.revenueFees,
      amount,
      kind: 'periodic_fee',
      lineId: sub.lineId,
      at,
    }),
  );
}

test('PAY-07 shows the payment history with sources and statuses, the monthly summary and a source filter', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { withLogin: true });
  const m = months();
  await pay(db, sub, m.inPrevious, 500_00n, 'card');
  await pay(db, sub, new Date(m.inPrevious.getTime() + DAY), 200_00n, 'voucher');
  await pay(db, sub, m.inCurrent, 300_00n, 'bank');
  await pay(db, sub, new Date(m.inCurrent.getTime() + 1000), 150_00n, 'card', false);
  await new LoginPage(page).loginWithCode(sub.msisdn);

  const history = new PaymentHistoryScreen(page);
  await history.open();
  await expect(history.rows).toHaveCount(4);
  await expect(history.rows.first()).toHaveAttribute('data-status', 'failed');
  await expect(history.rows.first()).toContainText('Не прошёл');
  await expect(history.rows.nth(1)).toContainText('Банковский перевод');
  await expect(history.rows.nth(1)).toContainText('300,00');
  await expect(history.summaryMonth(m.current).getByTestId('summary-in')).toContainText('300');
  await expect(history.summaryMonth(m.previous).getByTestId('summary-in')).toContainText('700');

  await history.filterBySource('Карта оплаты');
  await expect(history.rows).toHaveCount(1);
  await expect(history.rows.first()).toHaveAttribute('data-source', 'voucher');

  // Invoices are for postpaid contracts: this prepaid number is told so.
  const invoices = new InvoicesScreen(page);
  await invoices.open();
  await expect(invoices.prepaid).toContainText('постоплатных');
});

test('PAY-08 shows spending by category with a chart, a table and the comparison with last month', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { withLogin: true });
  const m = months();
  await use(db, sub, m.inCurrent, 'voice_out', 120_00n);
  await use(db, sub, m.inCurrent, 'data', 80_00n);
  await fee(db, sub, m.inCurrent, 300_00n);
  await use(db, sub, m.inPrevious, 'voice_out', 60_00n);
  await use(db, sub, m.inPrevious, 'data', 50_00n, 'cis');
  await new LoginPage(page).loginWithCode(sub.msisdn);

  const expenses = new ExpensesScreen(page);
  await expenses.open();
  await expect(expenses.report).toHaveAttribute('data-total', '50000');
  await expect(expenses.total).toContainText('500');
  await expect(expenses.donut.locator('.donut-slice')).toHaveCount(3);
  await expect(expenses.row('calls')).toContainText('120');
  await expect(expenses.row('fees')).toContainText('60 %');
  await expect(expenses.comparisonRow('calls')).toHaveAttribute('data-delta', '6000');
  await expect(expenses.comparisonRow('calls')).toContainText('больше на 60');
  await expect(expenses.comparisonRow('roaming')).toHaveAttribute('data-delta', '-5000');

  await expenses.showMonth(m.previous);
  await expect(expenses.report).toHaveAttribute('data-total', '11000');
  await expect(expenses.row('roaming')).toContainText('50');
  await expect(expenses.donut.locator('.donut-slice')).toHaveCount(2);
});

test('PAY-10 a postpaid subscriber sees the credit limit, downloads the invoice PDF and takes a trust payment', async ({
  page,
  db,
}) => {
  const sub = await freshSubscriber(db, { withLogin: true });
  const m = months();
  await db
    .updateTable('billing_accounts')
    .set({ payment_type: 'postpaid', credit_limit: 2000_00n, created_at: new Date(Date.now() - 90 * DAY) })
    .where('id', '=', sub.accountId)
    .execute();
  await fee(db, sub, m.inPrevious, 450_00n);
  await pay(db, sub, new Date(m.inPrevious.getTime() + DAY), 100_00n, 'bank');
  const { ledger_account_id, number } = await ledgerOf(db, sub);
  await db
    .transaction()
    .execute((trx) =>
      issueInvoice(
        trx,
        { id: sub.accountId, number, ledgerAccountId: ledger_account_id, creditLimit: 2000_00n },
        m.previous,
        new Date(),
        TZ,
      ),
    );
  await new LoginPage(page).loginWithCode(sub.msisdn);

  const invoices = new InvoicesScreen(page);
  await invoices.open();
  await expect(invoices.limit.getByTestId('limit-used')).toContainText('350');
  await expect(invoices.invoice(m.previous)).toHaveAttribute('data-status', 'unpaid');
  await expect(invoices.invoice(m.previous).getByTestId('invoice-due')).toContainText('350');

  const pdf = await invoices.download(m.previous);
  expect(pdf.name).toBe(`invoice-${number}-${m.previous.replace('-', '')}.pdf`);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.toString('latin1')).toMatch(/\/Type \/Page\b/);

  await invoices.takeTrustPayment();
  await expect(page.getByTestId('trust-active')).toContainText(/1\s000/);
  const limit = await db
    .selectFrom('billing_accounts')
    .select('credit_limit')
    .where('id', '=', sub.accountId)
    .executeTakeFirstOrThrow();
  expect(limit.credit_limit).toBe(3000_00n);
  await expect(invoices.limit.getByTestId('limit-total')).toContainText(/3\s000/);
});
