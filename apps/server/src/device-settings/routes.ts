import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { loadDeviceLine, recentSends } from './device-line.ts';
import { DeviceSettingsInfo, SendSettingsBody, SendSettingsResult } from './schemas.ts';
import { sendSettings } from './send-settings.ts';
import { DEVICES, SENDS_PER_HOUR, SETTING_ITEMS, sendAllowance } from './settings-sms.ts';

/** SVC-12: internet and MMS settings sent to the phone by SMS. Reading is open to partial sessions. */
export async function deviceSettingsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/lines/:lineId/device-settings',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['devices'],
        summary: 'What settings can be sent, and the hourly limit (SVC-12)',
        description: '409 `not_mobile` for a line without a mobile number.',
        params: LineIdParams,
        response: { 200: DeviceSettingsInfo, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const now = ctx.now();
      const line = await loadDeviceLine(ctx.db, request.params.lineId, false);
      const sent = await recentSends(ctx.db, line.id, now);
      const allowance = sendAllowance(sent, now);
      return {
        devices: [...DEVICES],
        items: [...SETTING_ITEMS],
        limitPerHour: SENDS_PER_HOUR,
        sentInLastHour: sent.length,
        nextAllowedAt: allowance.allowed
          ? null
          : new Date(now.getTime() + allowance.retryAfterSeconds * 1000).toISOString(),
        msisdn: line.msisdn,
      };
    },
  );

  app.post(
    '/api/v1/lines/:lineId/device-settings',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['devices'],
        summary: 'Send internet / MMS settings to the phone by SMS (SVC-12)',
        description:
          'Needs full access. One SMS per item to the line’s own number through the outbox, a done ' +
          '`device_settings` request and a journal entry. At most 3 sends per line in any rolling hour: 429 ' +
          '`rate_limited` with `retryAfterSeconds`. 409 `not_mobile`, 409 `line_not_active`.',
        params: LineIdParams,
        body: SendSettingsBody,
        response: { 202: SendSettingsResult, ...problemResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const result = await ctx.db.transaction().execute((trx) =>
        sendSettings(trx, {
          lineId: request.params.lineId,
          loginId: requirePrincipal(request).loginId,
          ip: request.ip,
          device: request.body.device,
          items: request.body.items,
          now: ctx.now(),
        }),
      );
      void ctx.outbox.kick();
      return reply.status(202).send(result);
    },
  );
}
