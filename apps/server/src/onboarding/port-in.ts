import { randomInt } from 'node:crypto';
import {
  checkPortDate,
  isDonor,
  isPortableNumber,
  maskPhone,
  newOrderReference,
  parsePhone,
  portDateRange,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { CODE_POLICY } from '../auth/policy.ts';
import { hmac } from '../auth/secrets.ts';
import { type FieldError, problems } from '../http/problem.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { onboardingProblems } from './errors.ts';
import { addEvent, moveOrder, newOrderId } from './order-store.ts';

/** A port-in code lives 10 minutes (ASVS 6.6.2: short-lived, single use, bound to this purpose and order). */
export const PORT_IN_CODE_TTL_MS = 10 * 60_000;

/** HMAC of a port-in code, bound to its order: a login code could never confirm a port-in, nor the reverse. */
export function portInCodeHmac(secret: string, orderId: string, code: string): Buffer {
  return hmac(secret, 'port_in', orderId, code);
}

export interface PortInInput {
  number: string;
  donor: string;
  fullName: string;
  contact: string;
  desiredDate: string;
  ip: string;
  now: Date;
  timeZone: string;
  secret: string;
}

/** The checked, normalised fields of a port-in; every bad field is reported at once, by name (400). */
export function checkPortIn(input: PortInInput) {
  const errors: FieldError[] = [];
  const parsed = parsePhone(input.number);
  if (!parsed.ok)
    errors.push({ field: 'number', code: 'invalid_phone', message: 'number is not a phone number' });
  else if (!isPortableNumber(parsed.msisdn))
    errors.push({
      field: 'number',
      code: 'not_portable',
      message: 'number must be a Russian mobile number (+7 9…)',
    });
  if (!isDonor(input.donor))
    errors.push({ field: 'donor', code: 'unknown_donor', message: 'donor is not an operator of the list' });
  const fullName = input.fullName.trim();
  if (fullName.length < 2)
    errors.push({
      field: 'fullName',
      code: 'too_short',
      message: 'fullName must have at least 2 characters',
    });
  const contact = input.contact.trim();
  if (contact.length < 3)
    errors.push({ field: 'contact', code: 'too_short', message: 'contact must have at least 3 characters' });
  const range = portDateRange(input.now, input.timeZone);
  const dateProblem = checkPortDate(input.desiredDate, input.now, input.timeZone);
  if (dateProblem === 'invalid')
    errors.push({
      field: 'desiredDate',
      code: 'invalid_date',
      message: 'desiredDate must be a date YYYY-MM-DD',
    });
  else if (dateProblem)
    errors.push({
      field: 'desiredDate',
      code: dateProblem,
      message: `desiredDate must be between ${range.earliest} and ${range.latest} (MNP: at least 8 days ahead)`,
    });
  if (errors.length > 0 || !parsed.ok) throw problems.validation(errors);
  return { msisdn: parsed.msisdn as string, donor: input.donor, fullName, contact };
}

/**
 * SVC-13: a request to move a number to us. The person proves they hold the number with a code texted to it
 * (the MNP rules ask the recipient operator to identify the subscriber); until then the order waits in
 * `awaiting_confirmation`. An unconfirmed earlier order of the same number is superseded (a new code replaces
 * the old); a confirmed one still under way refuses a second (409 `port_in_pending`). The SMS is written to the
 * outbox in this transaction. The caller has counted the attempt against the limits and kicks the outbox.
 */
export async function createPortIn(trx: Db, input: PortInInput) {
  const fields = checkPortIn(input);
  const ours = await trx
    .selectFrom('lines')
    .select('id')
    .where('msisdn', '=', fields.msisdn)
    .executeTakeFirst();
  if (ours) throw onboardingProblems.alreadyOurs();
  const live = await trx
    .selectFrom('onboarding_orders')
    .select(['id', 'status'])
    .where('msisdn', '=', fields.msisdn)
    .where('status', 'in', ['awaiting_confirmation', 'accepted', 'in_progress'])
    .forUpdate()
    .executeTakeFirst();
  if (live && live.status !== 'awaiting_confirmation') throw onboardingProblems.portInPending();
  if (live) await moveOrder(trx, live.id, 'rejected', 'superseded', input.now);

  const id = newOrderId();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(input.now.getTime() + PORT_IN_CODE_TTL_MS);
  const reference = newOrderReference();
  await trx
    .insertInto('onboarding_orders')
    .values({
      id,
      reference,
      kind: 'port_in',
      status: 'awaiting_confirmation',
      phone: fields.msisdn,
      msisdn: fields.msisdn,
      full_name: fields.fullName,
      contact: fields.contact,
      details: JSON.stringify({ donor: fields.donor, desiredDate: input.desiredDate }),
      code_hmac: portInCodeHmac(input.secret, id, code),
      code_expires_at: expiresAt,
      created_ip: input.ip,
      created_at: input.now,
      updated_at: input.now,
    })
    .execute();
  await addEvent(trx, id, 'awaiting_confirmation', 'code_sent', input.now);
  await enqueueMessage(trx, {
    channel: 'sms',
    recipient: fields.msisdn,
    sender: CODE_POLICY.smsSender,
    kind: 'onboarding.port_in_code',
    sensitive: true,
    body: `${code} — код подтверждения переноса номера в Кабинет (заявка ${reference}). Никому его не сообщайте. Если вы не подавали заявку, просто проигнорируйте SMS.`,
  });
  return {
    reference,
    status: 'awaiting_confirmation' as const,
    codeSentTo: maskPhone(fields.msisdn),
    codeExpiresAt: expiresAt.toISOString(),
  };
}
