import { normaliseReference } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { CODE_POLICY } from '../auth/policy.ts';
import { sameDigest } from '../auth/secrets.ts';
import { problems } from '../http/problem.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { onboardingProblems } from './errors.ts';
import { lockOrder, moveOrder } from './order-store.ts';
import { portInCodeHmac } from './port-in.ts';

/** Wrong codes allowed per order before it is void (ASVS 6.5.x: an OTP is rate-limited by itself too). */
export const MAX_CODE_ATTEMPTS = 5;

export type ConfirmOutcome =
  | { ok: true; reference: string; status: 'accepted' }
  | {
      ok: false;
      error: ReturnType<typeof onboardingProblems.invalidCode | typeof onboardingProblems.codeExpired>;
    };

/**
 * SVC-13: checks the code texted to the number being moved. Answers an outcome rather than throwing, so the
 * caller commits a wrong attempt's counter before refusing (a rolled-back counter would let anyone guess
 * forever). Unknown references and orders not waiting for a code are 404, like any other reference. The 5th wrong
 * code, or an expired one, voids the order (`rejected`). On success the order is `accepted` and a notice SMS is
 * queued to the number.
 */
export async function confirmPortIn(
  trx: Db,
  input: { reference: string; code: string; secret: string; now: Date },
): Promise<ConfirmOutcome> {
  const reference = normaliseReference(input.reference);
  const order = reference ? await lockOrder(trx, reference) : undefined;
  if (order?.kind !== 'port_in' || order.status !== 'awaiting_confirmation' || !order.code_hmac)
    throw problems.notFound('order');
  if (!order.code_expires_at || order.code_expires_at <= input.now) {
    await moveOrder(trx, order.id, 'rejected', 'code_expired', input.now);
    await trx.updateTable('onboarding_orders').set({ code_hmac: null }).where('id', '=', order.id).execute();
    return { ok: false, error: onboardingProblems.codeExpired() };
  }
  if (!sameDigest(order.code_hmac, portInCodeHmac(input.secret, order.id, input.code))) {
    const attempts = order.code_attempts + 1;
    await trx
      .updateTable('onboarding_orders')
      .set({ code_attempts: attempts })
      .where('id', '=', order.id)
      .execute();
    if (attempts >= MAX_CODE_ATTEMPTS) {
      await moveOrder(trx, order.id, 'rejected', 'too_many_attempts', input.now);
      await trx
        .updateTable('onboarding_orders')
        .set({ code_hmac: null })
        .where('id', '=', order.id)
        .execute();
      return { ok: false, error: onboardingProblems.codeExpired() };
    }
    return { ok: false, error: onboardingProblems.invalidCode(MAX_CODE_ATTEMPTS - attempts) };
  }
  await trx
    .updateTable('onboarding_orders')
    .set({ code_hmac: null, code_expires_at: null })
    .where('id', '=', order.id)
    .execute();
  await moveOrder(trx, order.id, 'accepted', 'confirmed', input.now);
  const date = String((order.details as { desiredDate?: unknown }).desiredDate ?? '');
  await enqueueMessage(trx, {
    channel: 'sms',
    recipient: order.msisdn,
    sender: CODE_POLICY.smsSender,
    kind: 'onboarding.port_in_accepted',
    body: `Заявка ${order.reference} на перенос номера принята. Желаемая дата переноса: ${date}. Статус: kabinet → «Статус заявки».`,
  });
  return { ok: true, reference: order.reference, status: 'accepted' };
}
