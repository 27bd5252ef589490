import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DONOR_OPERATORS, parsePhone, portDateRange } from '@kabinet/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.ts';
import { problemResponses } from '../http/schemas.ts';
import { confirmPortIn } from './confirm-port-in.ts';
import { LIMITS, takeAttempt } from './limits.ts';
import { lookupOrder } from './lookup.ts';
import { checkNewSim, createNewSimOrder } from './new-sim.ts';
import { offeredNumbers } from './number-pool.ts';
import { PICKUP_OFFICES } from './offices.ts';
import { checkPortIn, createPortIn } from './port-in.ts';
import {
  ConfirmBody,
  ConfirmParams,
  LookupBody,
  NewSimBody,
  NumberList,
  OnboardingOptions,
  OrderView,
  PortInBody,
  PortInCreated,
} from './schemas.ts';

const Accepted = Type.Object({
  reference: Type.String({ description: 'Order reference `KB-XXXX-XXXX`.' }),
  status: Type.String({ description: '`accepted`.' }),
});

const NewSimCreated = Type.Object({
  reference: Type.String({
    description: 'Order reference `KB-XXXX-XXXX`, also texted to the contact phone.',
  }),
  status: Type.String({ description: '`accepted`.' }),
  msisdn: Type.String({ description: 'The reserved number.' }),
  price: Type.Integer({ description: 'Kopecks to pay at pickup; 0 for a regular number.' }),
});

/**
 * SVC-13 for people who are not subscribers yet (no login): port-in with an SMS code to the number being moved,
 * a new SIM with a number from the pool, and the status of either by reference + phone. Every write is counted
 * per IP and per number before it runs (429 `rate_limited`); the state-changing ones still need the CSRF token,
 * which `GET /api/v1/auth/csrf` issues without a session.
 */
export async function onboardingRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/onboarding/options',
    {
      schema: {
        tags: ['onboarding'],
        summary: 'Donor operators, pickup offices and the transfer dates allowed today (SVC-13)',
        response: { 200: OnboardingOptions },
      },
    },
    async () => ({
      donors: DONOR_OPERATORS.map((d) => ({ code: d.code, name: d.name })),
      offices: [...PICKUP_OFFICES],
      portDates: portDateRange(ctx.now(), ctx.timeZone),
    }),
  );

  app.get(
    '/api/v1/onboarding/numbers',
    {
      schema: {
        tags: ['onboarding'],
        summary:
          'Numbers to choose from for a new SIM: beautiful ones with a price, a random few free (SVC-13)',
        response: { 200: NumberList },
      },
    },
    async () => ({ numbers: await offeredNumbers(ctx.db) }),
  );

  app.post(
    '/api/v1/onboarding/port-in',
    {
      schema: {
        tags: ['onboarding'],
        summary: 'Apply to move a number to us; a confirmation code is texted to it (SVC-13)',
        description:
          'No login. 400 naming `number` (`invalid_phone`, `not_portable`), `donor`, `fullName`, `contact`, ' +
          '`desiredDate` (`invalid_date`, `too_early`: under 8 days ahead, `too_late`). 409 `already_ours`, ' +
          '`port_in_pending`. 429 `rate_limited`: 5 an hour per IP, 3 a day per number.',
        body: PortInBody,
        response: { 201: PortInCreated, ...problemResponses(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const now = ctx.now();
      const input = { ...request.body, ip: request.ip, now, timeZone: ctx.timeZone, secret: ctx.secret };
      const { msisdn } = checkPortIn(input);
      await takeAttempt(
        ctx.db,
        [
          { limit: LIMITS.portInPerIp, key: request.ip },
          { limit: LIMITS.portInPerNumber, key: msisdn },
        ],
        now,
      );
      const created = await ctx.db.transaction().execute((trx) => createPortIn(trx, input));
      void ctx.outbox.kick();
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/v1/onboarding/port-in/:reference/confirm',
    {
      schema: {
        tags: ['onboarding'],
        summary: 'Confirm a port-in with the code texted to the number (SVC-13)',
        description:
          'No login. 400 `invalid_code` on `code` with `attemptsLeft`; the 5th wrong code or an expired one ' +
          'voids the order: 409 `code_expired`. 404 for an unknown reference or one not waiting for a code. ' +
          '429 `rate_limited`: 20 an hour per IP.',
        params: ConfirmParams,
        body: ConfirmBody,
        response: { 200: Accepted, ...problemResponses(400, 403, 404, 409, 429) },
      },
    },
    async (request) => {
      const now = ctx.now();
      await takeAttempt(ctx.db, [{ limit: LIMITS.confirmPerIp, key: request.ip }], now);
      const outcome = await ctx.db.transaction().execute((trx) =>
        confirmPortIn(trx, {
          reference: request.params.reference,
          code: request.body.code,
          secret: ctx.secret,
          now,
        }),
      );
      if (!outcome.ok) throw outcome.error;
      void ctx.outbox.kick();
      return { reference: outcome.reference, status: outcome.status };
    },
  );

  app.post(
    '/api/v1/onboarding/new-sim',
    {
      schema: {
        tags: ['onboarding'],
        summary: 'Order a new SIM with a chosen number, picked up at an office (SVC-13)',
        description:
          'No login. 400 naming `number`, `office` (`unknown_office`), `fullName`, `contactPhone` ' +
          '(`invalid_phone`). 409 `number_taken`. 429 `rate_limited`: 5 an hour per IP, 3 a day per contact phone.',
        body: NewSimBody,
        response: { 201: NewSimCreated, ...problemResponses(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const now = ctx.now();
      const input = { ...request.body, ip: request.ip, now };
      const { contactPhone } = checkNewSim(input);
      await takeAttempt(
        ctx.db,
        [
          { limit: LIMITS.newSimPerIp, key: request.ip },
          { limit: LIMITS.newSimPerNumber, key: contactPhone },
        ],
        now,
      );
      const created = await ctx.db.transaction().execute((trx) => createNewSimOrder(trx, input));
      void ctx.outbox.kick();
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/v1/onboarding/orders/lookup',
    {
      schema: {
        tags: ['onboarding'],
        summary: 'Status and time line of an order by its reference and phone (SVC-13)',
        description:
          'No login. A POST so the phone stays out of URLs and logs. Any mismatch is 404, like an unknown ' +
          'reference. 429 `rate_limited`: 20 an hour per IP, 10 an hour per phone.',
        body: LookupBody,
        response: { 200: OrderView, ...problemResponses(400, 403, 404, 429) },
      },
    },
    async (request) => {
      const phone = parsePhone(request.body.phone);
      await takeAttempt(
        ctx.db,
        [
          { limit: LIMITS.lookupPerIp, key: request.ip },
          ...(phone.ok ? [{ limit: LIMITS.lookupPerNumber, key: phone.msisdn as string }] : []),
        ],
        ctx.now(),
      );
      return lookupOrder(ctx.db, request.body);
    },
  );
}
