import type { Db, OnboardingOrderStatus } from '@kabinet/db';

/** An event of an order's time line: the status it moved to and why (a machine word the screens translate). */
export async function addEvent(
  trx: Db,
  orderId: string,
  status: OnboardingOrderStatus,
  note: string,
  at: Date,
) {
  await trx.insertInto('onboarding_order_events').values({ order_id: orderId, status, note, at }).execute();
}

/** Moves an order to `status` with an event, in the caller's transaction. */
export async function moveOrder(
  trx: Db,
  orderId: string,
  status: OnboardingOrderStatus,
  note: string,
  at: Date,
) {
  await trx
    .updateTable('onboarding_orders')
    .set({ status, updated_at: at })
    .where('id', '=', orderId)
    .execute();
  await addEvent(trx, orderId, status, note, at);
}

/** An order by its reference, locked for a change. */
export async function lockOrder(trx: Db, reference: string) {
  return trx
    .selectFrom('onboarding_orders')
    .selectAll()
    .where('reference', '=', reference)
    .forUpdate()
    .executeTakeFirst();
}

/** A new order id: `ord_` and 20 random base-36 characters (the core id kinds list has no orders). */
export function newOrderId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(20));
  let id = '';
  for (const b of bytes) id += '0123456789abcdefghijklmnopqrstuvwxyz'[b % 36];
  return `ord_${id}`;
}
