import { formatPhone, newOrderReference, parsePhone, toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { CODE_POLICY } from '../auth/policy.ts';
import { type FieldError, problems } from '../http/problem.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { onboardingProblems } from './errors.ts';
import { findOffice } from './offices.ts';
import { addEvent, newOrderId } from './order-store.ts';

export interface NewSimInput {
  number: string;
  office: string;
  fullName: string;
  contactPhone: string;
  ip: string;
  now: Date;
}

/** The checked fields of a new SIM order; every bad field at once (400). */
export function checkNewSim(input: NewSimInput) {
  const errors: FieldError[] = [];
  const office = findOffice(input.office);
  if (!office)
    errors.push({ field: 'office', code: 'unknown_office', message: 'office is not an office of the list' });
  const fullName = input.fullName.trim();
  if (fullName.length < 2)
    errors.push({
      field: 'fullName',
      code: 'too_short',
      message: 'fullName must have at least 2 characters',
    });
  const contact = parsePhone(input.contactPhone);
  if (!contact.ok)
    errors.push({
      field: 'contactPhone',
      code: 'invalid_phone',
      message: 'contactPhone is not a phone number',
    });
  if (errors.length > 0 || !office || !contact.ok) throw problems.validation(errors);
  return { office, fullName, contactPhone: contact.msisdn as string };
}

/**
 * SVC-13: orders a new SIM with a number from the pool, picked up at an office. The number is reserved with a
 * guarded update (`reserved_by IS NULL`), so two people choosing it at once get it once: the other gets 409
 * `number_taken`. A beautiful number's price is paid at pickup: there is no account to charge yet, so nothing
 * touches the ledger here. The reference is texted to the contact phone through the outbox, in this transaction.
 */
export async function createNewSimOrder(trx: Db, input: NewSimInput) {
  const fields = checkNewSim(input);
  const id = newOrderId();
  const taken = await trx
    .updateTable('number_pool')
    .set({ reserved_by: id })
    .where('msisdn', '=', input.number)
    .where('reserved_by', 'is', null)
    .returning(['msisdn', 'price'])
    .executeTakeFirst();
  if (!taken) throw onboardingProblems.numberTaken();
  const reference = newOrderReference();
  const price = toSafeNumber(taken.price);
  await trx
    .insertInto('onboarding_orders')
    .values({
      id,
      reference,
      kind: 'new_sim',
      status: 'accepted',
      phone: fields.contactPhone,
      msisdn: taken.msisdn,
      full_name: fields.fullName,
      contact: fields.contactPhone,
      details: JSON.stringify({ office: fields.office.code, price }),
      created_ip: input.ip,
      created_at: input.now,
      updated_at: input.now,
    })
    .execute();
  await addEvent(trx, id, 'accepted', 'number_reserved', input.now);
  const pay = price > 0 ? ` К оплате при получении: ${price / 100} ₽.` : '';
  await enqueueMessage(trx, {
    channel: 'sms',
    recipient: fields.contactPhone,
    sender: CODE_POLICY.smsSender,
    kind: 'onboarding.new_sim_accepted',
    body: `Заказ ${reference}: SIM-карта с номером ${formatPhone(taken.msisdn)} ждёт вас в офисе «${fields.office.address.ru}».${pay} Возьмите паспорт.`,
  });
  return { reference, status: 'accepted' as const, msisdn: taken.msisdn, price };
}
