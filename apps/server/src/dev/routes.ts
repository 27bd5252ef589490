import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { parsePhone } from '@kabinet/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { answerPhonePrompt, hasReplyablePrompt } from '../auth/phone-confirm/answer-prompt.ts';
import type { AppContext } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { problemResponses } from '../http/schemas.ts';
import { listVirtualPhoneMessages } from '../notifications/virtual-phone.ts';
import { keypadRoutes } from './keypad-routes.ts';
import { PhoneParams, PhoneReplyBody, PhoneReplyResult, VirtualPhoneMessages } from './schemas.ts';

function parseMsisdn(value: string): string {
  const parsed = parsePhone(value);
  if (!parsed.ok) throw problems.field('msisdn', 'invalid_phone', 'Not a phone number.');
  return parsed.msisdn;
}

/**
 * The virtual phone (DEMO-02) and demo facts. Registered only in demo mode: in production these routes do not
 * exist at all (404), rather than existing and refusing.
 */
export async function devRoutes(
  root: FastifyInstance,
  ctx: AppContext & { demoPhones: () => Promise<string[]> },
) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  await keypadRoutes(root, ctx);

  app.get(
    '/api/v1/dev/demo',
    {
      schema: {
        tags: ['dev'],
        summary: 'Demo mode facts: numbers to log in with',
        response: { 200: Type.Object({ demo: Type.Literal(true), phones: Type.Array(Type.String()) }) },
      },
    },
    async () => ({ demo: true as const, phones: await ctx.demoPhones() }),
  );

  app.get(
    '/api/v1/dev/phones/:msisdn/messages',
    {
      schema: {
        tags: ['dev'],
        summary: 'Inbox of the virtual phone: SMS and flash prompts (demo only)',
        params: PhoneParams,
        response: { 200: VirtualPhoneMessages, ...problemResponses(400) },
      },
    },
    async (request) => {
      const msisdn = parseMsisdn(request.params.msisdn);
      const rows = await listVirtualPhoneMessages(ctx.db, msisdn);
      // Replies answer the newest prompt, so only the newest flash message can carry the reply box.
      const newestFlash = rows.find((m) => m.channel === 'flash')?.id;
      const replyable = newestFlash !== undefined && (await hasReplyablePrompt(ctx.db, msisdn, ctx.now()));
      return {
        messages: rows.map((m) => ({
          id: m.id,
          from: m.sender,
          body: m.body,
          receivedAt: m.received_at.toISOString(),
          kind: m.channel === 'flash' ? ('flash' as const) : ('sms' as const),
          replyable: replyable && m.id === newestFlash,
        })),
      };
    },
  );

  app.post(
    '/api/v1/dev/phones/:msisdn/reply',
    {
      schema: {
        tags: ['dev'],
        summary: 'The virtual phone answers its newest login prompt (ACCESS-07, demo only)',
        description: '"1" within 20 seconds confirms, anything else declines. 404 when no prompt waits.',
        params: PhoneParams,
        body: PhoneReplyBody,
        response: { 200: PhoneReplyResult, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => {
      const answer = await answerPhonePrompt(ctx.db, {
        msisdn: parseMsisdn(request.params.msisdn),
        text: request.body.text,
        channel: 'sms',
        now: ctx.now(),
      });
      if (!answer) throw problems.notFound('login prompt waiting for an answer');
      return answer;
    },
  );
}
