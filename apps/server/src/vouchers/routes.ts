import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { normaliseVoucherCode, toSafeNumber } from '@kabinet/core';
import type { FastifyInstance } from 'fastify';
import { requireFullAccess } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { runIdempotent } from '../http/idempotency.ts';
import { problems, toProblem } from '../http/problem.ts';
import { problemResponses } from '../http/schemas.ts';
import { grantAccess } from '../lines/grant.ts';
import { afterMoneyMoved } from '../payments/credit-payment.ts';
import { accountBalance, findOurNumber } from '../transfers/our-number.ts';
import { redeemVoucher } from './redeem-voucher.ts';
import { DemoVouchers, RedeemVoucherBody, RedeemVoucherResult } from './schemas.ts';
import { seedDemoVouchers } from './seed-demo-vouchers.ts';
import { voucherProblems } from './voucher-problems.ts';

/** PAY-03 voucher top-ups: redeem a scratch-card code to one's own or any of our numbers. */
export async function voucherRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/vouchers/redeem',
    {
      schema: {
        tags: ['vouchers'],
        summary: 'Top up a number with a voucher code (PAY-03)',
        description:
          'Needs full access and an `Idempotency-Key`. A code is used once: a wrong, used or expired code is one ' +
          'answer, 400 `voucher_invalid` with `attemptsLeft`; after 5 such codes from a login (20 from an address) ' +
          'in an hour, 429 `voucher_locked` with `retryAfterSeconds`. A typo in the format is 400 on `code` and ' +
          'costs no attempt; `phone` gets `invalid_phone` or `unknown_number`.',
        body: RedeemVoucherBody,
        response: { 200: RedeemVoucherResult, ...problemResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const { loginId } = requireFullAccess(request);
      const code = normaliseVoucherCode(request.body.code);
      if (!code.ok) throw voucherProblems.format(code.problem);
      const target = await findOurNumber(ctx.db, request.body.phone);
      const ownLine = (await grantAccess(ctx.db, loginId, target.lineId, ctx.now())) !== null;
      const credited: string[] = [];
      await runIdempotent<unknown>({
        db: ctx.db,
        request,
        reply,
        loginId,
        now: ctx.now(),
        run: async (trx) => {
          const now = ctx.now();
          const outcome = await redeemVoucher(trx, ctx.secret, {
            code: code.code,
            target,
            ownLine,
            loginId,
            ip: request.ip,
            now,
          });
          // A wrong code is an answer to keep, not a rollback: the attempt it cost must stay counted.
          if (!outcome.redeemed) {
            reply.type('application/problem+json');
            return { status: 400, body: toProblem(voucherProblems.invalid(outcome.attemptsLeft)) };
          }
          credited.push(outcome.accountId);
          const balance = ownLine ? toSafeNumber(await accountBalance(trx, outcome.accountId)) : null;
          return {
            status: 200,
            body: {
              paymentId: outcome.paymentId,
              serial: outcome.serial,
              amount: toSafeNumber(outcome.amount),
              phone: target.msisdn,
              ownLine,
              balance,
            },
          };
        },
      });
      await afterMoneyMoved(ctx, credited);
      return reply;
    },
  );

  app.get(
    '/api/v1/vouchers/demo',
    {
      schema: {
        tags: ['vouchers', 'dev'],
        summary: 'Demo voucher cards to try (demo mode only)',
        description:
          'The `demo` batch, whose codes derive from the server secret (created on first call); 404 outside demo ' +
          'mode. Real batches come from `kabinet vouchers issue` and their codes are never stored.',
        response: { 200: DemoVouchers, ...problemResponses(401, 404) },
      },
    },
    async (request) => {
      requireFullAccess(request);
      if (!ctx.demo) throw problems.notFound('demo');
      const vouchers = await seedDemoVouchers(ctx.db, ctx.secret, ctx.now());
      return {
        vouchers: vouchers
          .filter((v) => v.active)
          .map((v) => ({ serial: v.serial, code: v.code, amount: toSafeNumber(v.amount) })),
      };
    },
  );
}
