import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { formatUssdReply, newId, parsePhone } from '@kabinet/core';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { problemResponses } from '../http/schemas.ts';
import { handleIncomingSms } from '../sms-commands/handle-incoming-sms.ts';
import { handleUssd } from '../ussd/handle-ussd.ts';
import { generateUsage } from './generate-usage.ts';
import { listPhoneEmails } from './phone-mail.ts';
import {
  DialBody,
  DialResult,
  PhoneEmails,
  PhoneParams,
  SendSmsBody,
  SendSmsResult,
  SentMessages,
  UsageBody,
  UsageResult,
} from './schemas.ts';

function parseMsisdn(value: string): string {
  const parsed = parsePhone(value);
  if (!parsed.ok) throw problems.field('msisdn', 'invalid_phone', 'Not a phone number.');
  return parsed.msisdn;
}

/**
 * DEMO-02: what the virtual phone does besides receiving — dial USSD codes (through the very handler the gateway
 * interface uses), send SMS commands (through `handleIncomingSms`, as the SMPP transport does), read the emails
 * captured for its owner, and make calls, SMS and data usage (through `ingestUsage`). Demo mode only.
 */
export async function keypadRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dev'];

  app.post(
    '/api/v1/dev/phones/:msisdn/ussd',
    {
      schema: {
        tags,
        summary: 'The virtual phone dials a USSD code or answers its menu (demo only)',
        params: PhoneParams,
        body: DialBody,
        response: { 200: DialResult, ...problemResponses(400) },
      },
    },
    async (request) => {
      const msisdn = parseMsisdn(request.params.msisdn);
      const reply = await handleUssd(
        ctx,
        {
          sessionId: `vp-${request.body.sessionId}`,
          serviceCode: request.body.serviceCode,
          phoneNumber: msisdn,
          text: request.body.text ?? '',
        },
        request.log,
      );
      return { ...reply, wire: formatUssdReply(reply) };
    },
  );

  app.post(
    '/api/v1/dev/phones/:msisdn/sms',
    {
      schema: {
        tags,
        summary: 'The virtual phone sends an SMS to a short number: an SMS command (demo only)',
        params: PhoneParams,
        body: SendSmsBody,
        response: { 200: SendSmsResult, ...problemResponses(400) },
      },
    },
    async (request) => {
      const msisdn = parseMsisdn(request.params.msisdn);
      const to = request.body.to.replace(/\D/g, '');
      if (!to) throw problems.field('to', 'invalid_number', 'A short number: digits only.');
      const id = newId('message');
      await ctx.db
        .insertInto('virtual_phone_sent')
        .values({ id, msisdn, recipient: to, body: request.body.text })
        .execute();
      const outcome = await handleIncomingSms(
        { ...ctx, log: request.log },
        { from: msisdn, to, text: request.body.text },
      );
      await ctx.outbox.kick();
      return { id, outcome };
    },
  );

  app.get(
    '/api/v1/dev/phones/:msisdn/sent',
    {
      schema: {
        tags,
        summary: 'SMS the virtual phone sent (demo only)',
        params: PhoneParams,
        response: { 200: SentMessages, ...problemResponses(400) },
      },
    },
    async (request) => {
      const rows = await ctx.db
        .selectFrom('virtual_phone_sent')
        .select(['id', 'recipient', 'body', 'sent_at'])
        .where('msisdn', '=', parseMsisdn(request.params.msisdn))
        .orderBy('sent_at', 'desc')
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
      return {
        messages: rows.map((r) => ({
          id: r.id,
          to: r.recipient,
          body: r.body,
          sentAt: r.sent_at.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/v1/dev/phones/:msisdn/emails',
    {
      schema: {
        tags,
        summary: 'Emails captured for the owner of the number (demo mode without SMTP)',
        params: PhoneParams,
        response: { 200: PhoneEmails, ...problemResponses(400) },
      },
    },
    async (request) => {
      const rows = await listPhoneEmails(ctx.db, parseMsisdn(request.params.msisdn));
      return {
        emails: rows.map((r) => ({
          id: r.id,
          to: r.recipient,
          from: r.sender,
          subject: r.subject,
          text: r.text_body,
          receivedAt: r.received_at.toISOString(),
          attachments: r.attachments.map((a) => a.filename),
        })),
      };
    },
  );

  app.post(
    '/api/v1/dev/phones/:msisdn/usage',
    {
      schema: {
        tags,
        summary:
          'The virtual phone makes a call, sends an SMS or uses data, rated like network usage (demo only)',
        description:
          '409 `usage_rejected` (e.g. unknown number), 503 `rating_failed` when the rating engine fails.',
        params: PhoneParams,
        body: UsageBody,
        response: { 200: UsageResult, ...problemResponses(400, 409, 503) },
      },
    },
    async (request) =>
      generateUsage(ctx.db, {
        msisdn: parseMsisdn(request.params.msisdn),
        kind: request.body.kind,
        now: ctx.now(),
      }),
  );
}
