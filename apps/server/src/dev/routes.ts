import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { parsePhone } from '@kabinet/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { problemResponses } from '../http/schemas.ts';
import { listVirtualPhoneMessages } from '../notifications/virtual-phone.ts';

const VirtualPhoneMessages = Type.Object({
  messages: Type.Array(
    Type.Object({
      id: Type.String(),
      from: Type.String({ description: 'Sender name or short number.' }),
      body: Type.String(),
      receivedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

/**
 * The virtual phone (DEMO-02) and demo facts. Registered only in demo mode: in production these routes do not
 * exist at all (404), rather than existing and refusing.
 */
export async function devRoutes(
  root: FastifyInstance,
  ctx: AppContext & { demoPhones: () => Promise<string[]> },
) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

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
        summary: 'SMS inbox of the virtual phone (demo only)',
        params: Type.Object({ msisdn: Type.String({ maxLength: 32, description: 'Number in any format.' }) }),
        response: { 200: VirtualPhoneMessages, ...problemResponses(400) },
      },
    },
    async (request) => {
      const parsed = parsePhone(request.params.msisdn);
      if (!parsed.ok) throw problems.field('msisdn', 'invalid_phone', 'Not a phone number.');
      const rows = await listVirtualPhoneMessages(ctx.db, parsed.msisdn);
      return {
        messages: rows.map((m) => ({
          id: m.id,
          from: m.sender,
          body: m.body,
          receivedAt: m.received_at.toISOString(),
        })),
      };
    },
  );
}
