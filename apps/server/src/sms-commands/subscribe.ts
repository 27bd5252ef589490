import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { handleIncomingSms } from './handle-incoming-sms.ts';

/**
 * CHAN-04: feeds every mobile-originated SMS the SMPP transport receives (`ctx.incomingSms`) to the SMS commands.
 * Returns the unsubscribe function. Called once by `serve()`; the virtual phone calls `handleIncomingSms` itself.
 */
export function subscribeSmsCommands(ctx: AppContext, log: FastifyBaseLogger): () => void {
  return ctx.incomingSms.on(async (sms) => {
    await handleIncomingSms({ ...ctx, log }, sms);
  });
}
