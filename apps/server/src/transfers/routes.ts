import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { checkTransferKopecks, TRANSFER_RULES, toSafeNumber } from '@kabinet/core';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { runIdempotent } from '../http/idempotency.ts';
import { toProblem } from '../http/problem.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { afterMoneyMoved } from '../payments/credit-payment.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { confirmTransfer } from './confirm-transfer.ts';
import { createTransfer } from './create-transfer.ts';
import { findOurNumber } from './our-number.ts';
import {
  ConfirmTransferBody,
  ConfirmTransferResult,
  CreateTransferBody,
  SentTransfers,
  TransferSchema,
  TransferTerms,
} from './schemas.ts';
import { loadSenderLine } from './sender-line.ts';
import { sentSums } from './sent-sums.ts';
import { transferProblems } from './transfer-problems.ts';
import { sentTransfers, transferView } from './transfer-view.ts';

/** PAY-06 mobile transfers from a prepaid line's balance to another of our numbers, confirmed by SMS code. */
export async function transferRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: { ip: string }, lineId: string, loginId: string) => ({
    lineId,
    loginId,
    ip: request.ip,
    now: ctx.now(),
    timeZone: ctx.timeZone,
  });

  app.get(
    '/api/v1/lines/:lineId/transfers/terms',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['transfers'],
        summary: 'Fees, limits, minimum balance and what the line has sent (PAY-06)',
        description: '409 `not_prepaid` for a postpaid line, `line_not_active` for a blocked one.',
        params: LineIdParams,
        response: { 200: TransferTerms, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const sender = await loadSenderLine(ctx.db, request.params.lineId);
      const sums = await sentSums(ctx.db, sender.lineId, ctx.now(), ctx.timeZone);
      const r = TRANSFER_RULES;
      return {
        minAmount: toSafeNumber(r.minAmount),
        maxAmount: toSafeNumber(r.maxAmount),
        feeFixed: toSafeNumber(r.feeFixed),
        feeBasisPoints: Number(r.feeBasisPoints),
        dailyLimit: toSafeNumber(r.dailyLimit),
        monthlyLimit: toSafeNumber(r.monthlyLimit),
        minBalanceLeft: toSafeNumber(r.minBalanceLeft),
        codeTtlSeconds: r.codeTtlSeconds,
        balance: toSafeNumber(sender.balance),
        sentToday: toSafeNumber(sums.sentToday),
        sentThisMonth: toSafeNumber(sums.sentThisMonth),
      };
    },
  );

  app.get(
    '/api/v1/lines/:lineId/transfers',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['transfers'],
        summary: 'The transfers the line sent: recipient, amount, fee, status (PAY-06)',
        description: 'Needs full access to the line (the recipients’ numbers are shown).',
        params: LineIdParams,
        response: { 200: SentTransfers, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ transfers: await sentTransfers(ctx.db, request.params.lineId, ctx.now()) }),
  );

  app.post(
    '/api/v1/lines/:lineId/transfers',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['transfers'],
        summary: 'Start a transfer: checks it and sends a 6-digit code by SMS to the line (PAY-06)',
        description:
          'Needs full access and an `Idempotency-Key`; moves no money. Field errors: `phone` (`invalid_phone`, ' +
          '`unknown_number`, `same_number`), `amount` (`fractional_kopecks`, `too_small`, `too_large` …). 409 ' +
          '`daily_limit` / `monthly_limit` with `left`; 402 `insufficient_funds` with `available`; 429 after ' +
          '10 transfers started in an hour.',
        params: LineIdParams,
        body: CreateTransferBody,
        response: { 201: TransferSchema, ...problemResponses(400, 401, 402, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { loginId } = requirePrincipal(request);
      const amount = checkTransferKopecks(request.body.amount);
      if (!amount.ok)
        throw transferProblems.amount(amount.problem, TRANSFER_RULES.minAmount, TRANSFER_RULES.maxAmount);
      const to = await findOurNumber(ctx.db, request.body.phone);
      return runIdempotent({
        db: ctx.db,
        request,
        reply,
        loginId,
        now: ctx.now(),
        run: async (trx) => {
          const id = await createTransfer(trx, ctx.secret, actorOf(request, request.params.lineId, loginId), {
            to,
            amount: amount.amount,
          });
          return { status: 201, body: await transferView(trx, id) };
        },
      }).finally(() => void ctx.outbox.kick());
    },
  );

  app.post(
    '/api/v1/lines/:lineId/transfers/confirm',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['transfers'],
        summary: 'Confirm a transfer with its SMS code: the money moves exactly once (PAY-06)',
        description:
          'Needs full access and an `Idempotency-Key` (a new one per code typed). 401 `invalid_code` with ' +
          '`attemptsLeft` (the third wrong code fails the transfer), 401 `code_expired`, 409 `transfer_failed`; ' +
          'the balance and limits are checked again under lock (402 `insufficient_funds`, 409 limits).',
        params: LineIdParams,
        body: ConfirmTransferBody,
        response: { 200: ConfirmTransferResult, ...problemResponses(400, 401, 402, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { loginId } = requirePrincipal(request);
      const { lineId } = request.params;
      const { transferId } = request.body;
      const moved: string[] = [];
      await runIdempotent<unknown>({
        db: ctx.db,
        request,
        reply,
        loginId,
        now: ctx.now(),
        run: async (trx) => {
          const outcome = await confirmTransfer(trx, ctx.secret, actorOf(request, lineId, loginId), {
            transferId,
            code: request.body.code.trim(),
          });
          // A wrong code is an answer to keep, not a rollback: the attempt it cost must stay counted.
          if (!outcome.confirmed) {
            reply.type('application/problem+json');
            return { status: outcome.problem.status, body: toProblem(outcome.problem) };
          }
          if (outcome.moved.moved) moved.push(outcome.moved.fromAccountId, outcome.moved.toAccountId);
          return {
            status: 200,
            body: {
              transfer: await transferView(trx, transferId),
              balance: toSafeNumber(outcome.moved.senderBalance),
            },
          };
        },
      });
      await afterMoneyMoved(ctx, moved);
      return reply;
    },
  );
}
