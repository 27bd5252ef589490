import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { TOP_UP_MAX, TOP_UP_MIN } from '@kabinet/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AcquirerTimeoutError, isNotifyingAcquirer, WebhookRejectedError } from '../acquirer/acquirer.ts';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { runIdempotentWrites } from '../http/idempotency.ts';
import { AppError, problems } from '../http/problem.ts';
import { problemResponses } from '../http/schemas.ts';
import { afterMoneyMoved } from './credit-payment.ts';
import { loadPaymentView } from './payment-view.ts';
import {
  CardTopUpBody,
  CardTopUpResult,
  CardTopUpTerms,
  PaymentIdParams,
  PaymentView,
  WebhookParams,
  WebhookResult,
} from './schemas.ts';
import { settleWebhook } from './settle-card-payment.ts';
import { checkTopUp, createAtAcquirer, startCardPayment } from './start-card-payment.ts';

/**
 * PAY-01/02 card top-ups of your own line or any other number, through the acquirer's hosted page; the payment's
 * status and receipt for the result page; and the acquirer's signed webhooks, which credit the payment once.
 */
export async function paymentRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/payments/card',
    {
      schema: {
        tags: ['payments'],
        summary: 'Start a card top-up of your line or any number (PAY-01/02)',
        description:
          'Needs `Idempotency-Key`. Either `lineId` (one of your lines; 404 otherwise) or `msisdn` (any number ' +
          'of ours in any notation; 400 `unknown_number` otherwise). `amount` in kopecks, 10000–1500000, whole ' +
          'kopecks (400 `fractional_kopecks`, `negative`, `too_small`, `too_large`, `not_a_number`). No ' +
          'commission. Creates a pending payment and answers the acquirer’s hosted page to send the browser to; ' +
          'the payment is credited when the acquirer’s webhook says it succeeded. 503 `acquirer_unavailable`.',
        body: CardTopUpBody,
        response: { 201: CardTopUpResult, ...problemResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const checked = await checkTopUp(ctx, principal, request.body);
      const acquired = await createAtAcquirer(ctx, {
        ...checked,
        origin: `${request.protocol}://${request.host}`,
      });
      return runIdempotentWrites({
        db: ctx.db,
        request,
        reply,
        loginId: principal.loginId,
        now: ctx.now(),
        command: (scope) => {
          const { payment, writes } = startCardPayment(ctx, {
            ...checked,
            loginId: principal.loginId,
            idempotencyScope: scope,
            ip: request.ip,
            acquired,
          });
          return { status: 201, body: { payment, confirmationUrl: payment.confirmationUrl }, writes };
        },
      });
    },
  );

  app.get(
    '/api/v1/payments/card/terms',
    {
      schema: {
        tags: ['payments'],
        summary: 'Card top-up terms: limits, presets, commission and whether the acquirer is a TEST sandbox',
        response: { 200: CardTopUpTerms, ...problemResponses(401) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return {
        minAmount: Number(TOP_UP_MIN),
        maxAmount: Number(TOP_UP_MAX),
        presets: [100_00, 300_00, 500_00, 1_000_00],
        commission: 0,
        acquirer: { name: ctx.acquirer.name, test: ctx.acquirer.test },
      };
    },
  );

  app.get(
    '/api/v1/payments/:paymentId',
    {
      schema: {
        tags: ['payments'],
        summary: 'A card payment you made: status and receipt (PAY-01/02)',
        description: 'Only the login that paid sees it: 404 for anyone else’s payment.',
        params: PaymentIdParams,
        response: { 200: PaymentView, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const view = await loadPaymentView(ctx.db, ctx, request.params.paymentId, principal.loginId);
      if (!view) throw problems.notFound('payment');
      return view;
    },
  );

  // The acquirer's webhooks: signed over the raw body, so this scope keeps JSON bodies as text.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_r, body, done) => done(null, body),
    );
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/payments/webhooks/:acquirer',
      {
        config: { caller: 'machine' },
        schema: {
          tags: ['payments'],
          summary: 'Acquirer webhook (server to server)',
          description:
            'Called by the acquirer, not by browsers (no CSRF token, no session). `sandbox`: header ' +
            '`Kabinet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "{t}.{raw body}">`; 401 ' +
            '`webhook_signature_invalid`, 400 `webhook_timestamp_stale` (over 300 s off) or `webhook_malformed`. ' +
            '`yookassa`: unsigned, so only the payment id is read and its state is fetched from YooKassa; 503 ' +
            '`acquirer_unavailable` when YooKassa does not answer (it redelivers). Deduplicated by event id: a ' +
            'redelivery answers 200 `duplicate: true` and changes nothing. See docs/payments.md.',
          params: WebhookParams,
          body: Type.String({ description: 'The event, JSON (kept raw for the signature).' }),
          response: { 200: WebhookResult, ...problemResponses(400, 401, 404, 503) },
        },
      },
      async (request) => {
        const acquirer = ctx.acquirer;
        if (request.params.acquirer !== acquirer.name || !isNotifyingAcquirer(acquirer))
          throw problems.notFound('acquirer');
        const now = ctx.now();
        let notification: Awaited<ReturnType<typeof acquirer.readNotification>>;
        try {
          notification = await acquirer.readNotification(request.body, request.headers, now, {
            ip: request.ip,
          });
        } catch (err) {
          if (err instanceof AcquirerTimeoutError)
            throw new AppError(503, 'acquirer_unavailable', 'The acquirer did not answer the state lookup.');
          if (!(err instanceof WebhookRejectedError)) throw err;
          request.log.warn({ reason: err.reason }, 'acquirer webhook rejected');
          if (err.reason === 'bad_signature')
            throw new AppError(401, 'webhook_signature_invalid', 'The webhook signature does not match.');
          if (err.reason === 'stale')
            throw new AppError(
              400,
              'webhook_timestamp_stale',
              'The webhook timestamp is outside the 300 s window.',
            );
          throw new AppError(400, 'webhook_malformed', 'The webhook is not a signed event of this acquirer.');
        }
        const settled = await settleWebhook(ctx.db, {
          paymentId: notification.paymentId,
          acquirer: acquirer.name,
          state: notification.state,
          at: now,
          event: { eventId: notification.eventId, type: notification.type },
        });
        if (!settled) throw problems.notFound('payment');
        const result = settled.outcome === 'duplicate' ? null : settled;
        if (result?.note)
          request.log.warn({ event: notification.eventId, note: result.note }, 'webhook ignored');
        if (result?.outcome === 'credited')
          await afterMoneyMoved(ctx, [result.accountId], result.firstLook ? [result.firstLook] : undefined);
        return { received: true, duplicate: result === null, outcome: result?.outcome ?? null };
      },
    );
  });
}
