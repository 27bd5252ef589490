import type { Db } from '@kabinet/db';
import type { Static } from 'typebox';
import type { AppContext } from '../http/context.ts';
import type { PaymentView } from './schemas.ts';

export type PaymentViewBody = Static<typeof PaymentView>;

/**
 * A card payment as its payer sees it (the result page and receipt); undefined when there is none or it is
 * someone else's — a payment is shown to the login that paid, whoever owns the number.
 */
export async function loadPaymentView(
  db: Db,
  ctx: Pick<AppContext, 'acquirer' | 'now'>,
  paymentId: string,
  loginId: string,
): Promise<PaymentViewBody | undefined> {
  const row = await db
    .selectFrom('payments as p')
    .leftJoin('grants as g', (join) =>
      join.onRef('g.line_id', '=', 'p.line_id').on('g.login_id', '=', loginId).on('g.revoked_at', 'is', null),
    )
    .select([
      'p.id',
      'p.status',
      'p.amount',
      'p.msisdn',
      'p.line_id',
      'p.created_at',
      'p.completed_at',
      'p.failure_reason',
      'p.card_last4',
      'p.card_brand',
      'p.acquirer',
      'p.confirmation_url',
      'g.id as grant_id',
    ])
    .where('p.id', '=', paymentId)
    .where('p.payer_login_id', '=', loginId)
    .where('p.source', '=', 'card')
    .executeTakeFirst();
  if (!row) return undefined;
  const own = row.grant_id !== null;
  return {
    id: row.id,
    status: row.status,
    amount: Number(row.amount),
    msisdn: row.msisdn,
    ownLine: own,
    lineId: own ? row.line_id : null,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    failureReason: row.failure_reason,
    card: row.card_last4 ? { last4: row.card_last4, brand: row.card_brand ?? 'card' } : null,
    commission: 0,
    acquirer: {
      name: row.acquirer ?? ctx.acquirer.name,
      test: (row.acquirer ?? ctx.acquirer.name) === ctx.acquirer.name ? ctx.acquirer.test : false,
    },
    confirmationUrl: row.status === 'pending' ? row.confirmation_url : null,
  };
}
