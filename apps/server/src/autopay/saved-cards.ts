/**
 * PAY-04 saved cards: the acquirer's token of a card the subscriber asked to save on a card top-up. We keep the
 * token and what to show (brand, last 4 digits, expiry) — never the card number, which never reaches us.
 */
import { newId } from '@kabinet/core';
import type { Db, SavedCard } from '@kabinet/db';
import type { SavedCardToken } from '../acquirer/acquirer.ts';
import { recordJournal } from '../journal/record.ts';

/**
 * Saves a card token for a billing account, after a successful card top-up with "save card" (slice A calls it
 * in the crediting transaction). Idempotent: the same token of the same acquirer for the same account is one
 * card (a replayed webhook saves nothing new); saving a previously removed card again brings it back.
 * Returns the saved card id.
 */
export async function saveCardToken(
  trx: Db,
  input: {
    accountId: string;
    loginId: string | null;
    acquirer: string;
    card: SavedCardToken;
    lineId?: string | null;
  },
): Promise<string> {
  const id = newId('savedCard');
  const inserted = await trx
    .insertInto('saved_cards')
    .values({
      id,
      account_id: input.accountId,
      login_id: input.loginId,
      acquirer: input.acquirer,
      token: input.card.token,
      last4: input.card.last4,
      brand: input.card.brand,
      expires: input.card.expires,
    })
    .onConflict((oc) => oc.columns(['account_id', 'acquirer', 'token']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) {
    await recordJournal(trx, {
      actorKind: input.loginId ? 'subscriber' : 'system',
      actorId: input.loginId,
      channel: input.loginId ? 'web' : 'system',
      loginId: input.loginId,
      lineId: input.lineId ?? null,
      action: 'autopay.card_saved',
      details: { cardId: id, brand: input.card.brand, last4: input.card.last4 },
    });
    return id;
  }
  const existing = await trx
    .selectFrom('saved_cards')
    .select(['id', 'removed_at'])
    .where('account_id', '=', input.accountId)
    .where('acquirer', '=', input.acquirer)
    .where('token', '=', input.card.token)
    .executeTakeFirstOrThrow();
  if (existing.removed_at) {
    await trx
      .updateTable('saved_cards')
      .set({ removed_at: null, expires: input.card.expires })
      .where('id', '=', existing.id)
      .execute();
  }
  return existing.id;
}

/**
 * The account's cards that can be charged, newest first: not removed, and saved with `acquirer`, the one in use (a
 * token of another acquirer — the operator switched — cannot be charged through it).
 */
export async function listSavedCards(db: Db, accountId: string, acquirer: string): Promise<SavedCard[]> {
  return db
    .selectFrom('saved_cards')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('removed_at', 'is', null)
    .where('acquirer', '=', acquirer)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
