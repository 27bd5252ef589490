import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { dateRangeBounds } from '@kabinet/core';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { runIdempotent } from '../http/idempotency.ts';
import { problems } from '../http/problem.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { afterMoneyMoved } from '../payments/credit-payment.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { loadExpenses } from './expenses-query.ts';
import { loadInvoicePdf } from './invoice-download.ts';
import { loadPostpaidState } from './invoices-query.ts';
import { loadMonthlySummary } from './monthly-summary-query.ts';
import { loadPaymentHistory } from './payment-history-query.ts';
import { checkedDays, expensePeriod, HISTORY_MAX_DAYS } from './period-input.ts';
import {
  Expenses,
  ExpensesQuery,
  HistoryQuery,
  InvoiceParams,
  InvoicePdf,
  MonthlySummary,
  PaymentHistory,
  PdfQuery,
  PostpaidState,
  SummaryQuery,
  TrustPaymentTaken,
} from './schemas.ts';
import { loadStatementAccount } from './statement-account.ts';
import { takeTrustPayment } from './take-trust-payment.ts';

/**
 * PAY-07 payment history and monthly summary, PAY-08 expense structure, PAY-10 postpaid invoices (with PDF) and
 * the trust payment. Everything is read through a line the caller reaches (404 otherwise) and is about that
 * line's billing account; partial sessions read, only the trust payment needs full access.
 */
export async function statementRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/lines/:lineId/payments/history',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['statements'],
        summary: 'Payments to the line’s account, newest first, filtered by days and source (PAY-07)',
        params: LineIdParams,
        querystring: HistoryQuery,
        response: { 200: PaymentHistory, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const q = request.query;
      const days = checkedDays(q.from, q.to, HISTORY_MAX_DAYS);
      const account = await loadStatementAccount(ctx.db, request.params.lineId);
      return loadPaymentHistory(ctx.db, account, {
        range: days ? dateRangeBounds(days.from, days.to, ctx.timeZone) : null,
        sources: q.source ?? [],
        page: q.page,
        pageSize: q.pageSize,
      });
    },
  );

  app.get(
    '/api/v1/lines/:lineId/payments/summary',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['statements'],
        summary: 'Top-ups and spending of the line’s account, month by month (PAY-07)',
        params: LineIdParams,
        querystring: SummaryQuery,
        response: { 200: MonthlySummary, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const account = await loadStatementAccount(ctx.db, request.params.lineId);
      return loadMonthlySummary(ctx.db, account, request.query.months, ctx.now(), ctx.timeZone);
    },
  );

  app.get(
    '/api/v1/lines/:lineId/expenses',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['statements'],
        summary:
          'Spending of the line by category for a month or up to a year of days, with the change (PAY-08)',
        description:
          '`month`, or `from`+`to` (≤ 366 days); this month by default. Compared with the previous month, or ' +
          'with as many days just before. 400 names the offending field.',
        params: LineIdParams,
        querystring: ExpensesQuery,
        response: { 200: Expenses, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const period = expensePeriod(request.query, ctx.now(), ctx.timeZone);
      const account = await loadStatementAccount(ctx.db, request.params.lineId);
      return loadExpenses(ctx.db, account, period, ctx.timeZone);
    },
  );

  app.get(
    '/api/v1/lines/:lineId/invoices',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['statements'],
        summary:
          'Credit limit and its use, the trust payment and the monthly invoices of a postpaid account (PAY-10)',
        description: 'A prepaid account answers with `paymentType: prepaid` and no invoices.',
        params: LineIdParams,
        response: { 200: PostpaidState, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const account = await loadStatementAccount(ctx.db, request.params.lineId);
      return loadPostpaidState(ctx.db, account, ctx.now(), ctx.timeZone);
    },
  );

  app.get(
    '/api/v1/lines/:lineId/invoices/:invoiceId.pdf',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['statements'],
        summary: 'The invoice as a PDF, in the subscriber’s language (PAY-10)',
        description: 'An attachment (`application/pdf`). 404 for an invoice of another account.',
        params: InvoiceParams,
        querystring: PdfQuery,
        produces: ['application/pdf'],
        response: { 200: InvoicePdf, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { lineId, invoiceId } = request.params;
      const { loginId } = requirePrincipal(request);
      const pdf = await loadInvoicePdf(ctx, {
        lineId,
        invoiceId,
        loginId,
        ip: request.ip,
        lang: request.query.lang,
      });
      if (!pdf) throw problems.notFound('invoice');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${pdf.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf.bytes);
    },
  );

  app.post(
    '/api/v1/lines/:lineId/trust-payment',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['statements'],
        summary: 'Take a trust payment: raise the postpaid credit limit for a few days (PAY-10)',
        description:
          'Needs full access and an `Idempotency-Key`. 409 `not_postpaid`, `trust_payment_active`, ' +
          '`trust_payment_used_this_month`, `invoice_overdue`. The ledger does not move; the raise is journaled.',
        params: LineIdParams,
        response: { 201: TrustPaymentTaken, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { loginId } = requirePrincipal(request);
      const { lineId } = request.params;
      let accountId: string | null = null;
      await runIdempotent({
        db: ctx.db,
        request,
        reply,
        loginId,
        now: ctx.now(),
        run: async (trx, scope) => {
          const taken = await takeTrustPayment(trx, {
            lineId,
            loginId,
            ip: request.ip,
            scope,
            now: ctx.now(),
            timeZone: ctx.timeZone,
          });
          accountId = taken.accountId;
          return { status: 201, body: taken.body };
        },
      });
      // A higher limit may lift a block for debt at once (RATE-04).
      if (accountId) await afterMoneyMoved(ctx, [accountId]);
      return reply;
    },
  );
}
