import type { Db, SimCardsTable } from '@kabinet/db';
import type { Selectable } from 'kysely';
import { problems } from '../http/problem.ts';
import { suspensionRule } from './suspension-rules.ts';
import { loadUnblockSettings, maskPhone, unblockContactOf } from './unblock-settings.ts';

/** A SIM card row. */
export type SimCardRow = Selectable<SimCardsTable>;

/** A SIM card as the API shows it: the ICCID only by its last four digits, never the activation code. */
export function presentCard(card: SimCardRow) {
  return {
    id: card.id,
    kind: card.kind,
    status: card.status,
    iccidLast4: card.iccid ? card.iccid.slice(-4) : null,
    createdAt: card.created_at.toISOString(),
    pickupOffice: card.pickup_office,
  };
}

async function loadLine(db: Db, lineId: string) {
  const line = await db
    .selectFrom('lines')
    .innerJoin('tariffs', 'tariffs.id', 'lines.tariff_id')
    .select([
      'lines.msisdn',
      'lines.status',
      'lines.block_reason',
      'lines.blocked_at',
      'lines.suspended_until',
      'tariffs.rates',
    ])
    .where('lines.id', '=', lineId)
    .executeTakeFirst();
  if (!line) throw problems.notFound('line');
  return line;
}

/** PLAN-06: whether the line can be suspended, on what terms, and the suspension under way. */
export async function loadSuspension(db: Db, lineId: string) {
  const line = await loadLine(db, lineId);
  const rules = suspensionRule(line.rates);
  const current =
    line.status === 'suspended' && line.block_reason === 'voluntary' && line.suspended_until
      ? {
          from: (line.blocked_at ?? line.suspended_until).toISOString(),
          until: line.suspended_until.toISOString(),
        }
      : null;
  return { available: rules !== null, rules, current, status: line.status };
}

/** The SIM cards of a line, newest first. */
export function loadCards(db: Db, lineId: string): Promise<SimCardRow[]> {
  return db
    .selectFrom('sim_cards')
    .selectAll()
    .where('line_id', '=', lineId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * SVC-09: the line's status, why its SIM is blocked, its cards, and how a lost SIM is unblocked for this login:
 * the operator's mode and the masked contact a code would go to.
 */
export async function loadSim(db: Db, lineId: string, loginId: string) {
  const line = await loadLine(db, lineId);
  const settings = await loadUnblockSettings(db);
  const contact = settings.mode === 'self_service' ? await unblockContactOf(db, loginId, line.msisdn) : null;
  const reason = line.block_reason === 'lost' || line.block_reason === 'stolen' ? line.block_reason : null;
  return {
    status: line.status,
    blockReason: reason,
    blockedAt: reason && line.blocked_at ? line.blocked_at.toISOString() : null,
    cards: (await loadCards(db, lineId)).map(presentCard),
    unblock: settings.mode,
    unblockContact: contact ? maskPhone(contact) : null,
  };
}
