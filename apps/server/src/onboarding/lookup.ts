import { normaliseReference, parsePhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { findOffice } from './offices.ts';

/**
 * SVC-13: an order by its reference and phone (the number being moved, or the contact phone). Any mismatch is
 * the same 404 as an unknown reference, so the lookup tells nothing about orders one cannot name in full.
 */
export async function lookupOrder(db: Db, input: { reference: string; phone: string }) {
  const reference = normaliseReference(input.reference);
  const phone = parsePhone(input.phone);
  if (!reference || !phone.ok) throw problems.notFound('order');
  const order = await db
    .selectFrom('onboarding_orders')
    .selectAll()
    .where('reference', '=', reference)
    .where('phone', '=', phone.msisdn)
    .executeTakeFirst();
  if (!order) throw problems.notFound('order');
  const events = await db
    .selectFrom('onboarding_order_events')
    .select(['status', 'note', 'at'])
    .where('order_id', '=', order.id)
    .orderBy('id')
    .execute();
  const details = order.details as { donor?: string; desiredDate?: string; office?: string; price?: number };
  const office = details.office ? findOffice(details.office) : undefined;
  return {
    reference: order.reference,
    kind: order.kind,
    status: order.status,
    msisdn: order.msisdn,
    price: typeof details.price === 'number' ? details.price : 0,
    desiredDate: details.desiredDate ?? null,
    donor: details.donor ?? null,
    office: office ?? null,
    createdAt: order.created_at.toISOString(),
    events: events.map((e) => ({
      status: e.status as typeof order.status,
      note: e.note,
      at: e.at.toISOString(),
    })),
  };
}
