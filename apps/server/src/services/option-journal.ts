import type { Db } from '@kabinet/db';
import { recordJournal } from '../journal/record.ts';

/** Who changed a line's options, from where. */
export interface Actor {
  lineId: string;
  loginId: string;
  ip: string | null;
}

/** A journal entry of a subscriber's change through the web cabinet. */
export async function journalChange(trx: Db, actor: Actor, action: string, details: Record<string, unknown>) {
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: actor.loginId,
    loginId: actor.loginId,
    channel: 'web',
    lineId: actor.lineId,
    action,
    details,
    ip: actor.ip,
  });
}
