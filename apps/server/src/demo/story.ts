/**
 * The paper trail of the demo world: the operations journal (ACCESS-12) and requests (SVC-11) that a real
 * history would have left — activations, tariff changes, options connected and dropped (content by "STOP" to
 * its short number), logins, top-ups — plus the hand-written episodes of the demo subscribers.
 */
import { newId, startOfDay } from '@kabinet/core';
import type { ActorKind, JournalChannel, JournalTable, RequestEventsTable, RequestsTable } from '@kabinet/db';
import type { Insertable } from 'kysely';
import type { CustomerPlan, LinePlan, LoginPlan, StoryItem } from './plan.ts';
import type { ProductIndex } from './products.ts';
import type { Rng } from './random.ts';
import type { SimWorld } from './simulation.ts';

const DAY = 86_400_000;

export interface StoryRows {
  journal: Insertable<JournalTable>[];
  requests: Insertable<RequestsTable>[];
  requestEvents: Insertable<RequestEventsTable>[];
}

/** Payments as the journal needs them. */
export interface PaidTopup {
  lineId: string | null;
  at: Date;
  amount: bigint;
  source: string;
}

// Documentation address ranges (RFC 5737): realistic-looking, never anyone's real address.
function documentationIp(rng: Rng): string {
  return `${rng.pick(['192.0.2', '198.51.100', '203.0.113'])}.${rng.int(1, 254)}`;
}

export function storyRows(
  world: SimWorld,
  products: ProductIndex,
  customers: CustomerPlan[],
  topups: PaidTopup[],
  rng: Rng,
): StoryRows {
  const rows: StoryRows = { journal: [], requests: [], requestEvents: [] };
  const ownerLogin = new Map<string, LoginPlan>();
  for (const c of customers) {
    for (const login of c.logins)
      for (const line of login.owns) if (!ownerLogin.has(line.id)) ownerLogin.set(line.id, login);
  }
  const journal = (
    at: Date,
    action: string,
    line: LinePlan | null,
    channel: JournalChannel,
    details: Record<string, unknown>,
    actor?: ActorKind,
  ) => {
    const login = line ? ownerLogin.get(line.id) : undefined;
    const actorKind: ActorKind =
      actor ?? (channel === 'system' ? 'system' : channel === 'console' ? 'agent' : 'subscriber');
    rows.journal.push({
      at,
      actor_kind: actorKind,
      actor_id: actorKind === 'subscriber' ? (login?.id ?? null) : null,
      channel,
      line_id: line?.id ?? null,
      login_id: actorKind === 'subscriber' ? (login?.id ?? null) : null,
      action,
      details: JSON.stringify(details),
      ip: channel === 'web' ? documentationIp(rng) : null,
    });
  };
  const request = (item: Omit<StoryItem, 'journal'>) => {
    const first = item.events[0];
    const last = item.events.at(-1);
    if (!first || !last) return;
    const id = newId('request', first.at);
    rows.requests.push({
      id,
      line_id: item.line.id,
      kind: item.kind,
      status: item.status,
      payload: JSON.stringify(item.payload),
      created_at: first.at,
      updated_at: last.at,
    });
    for (const e of item.events)
      rows.requestEvents.push({ request_id: id, status: e.status, note: e.note, at: e.at });
  };
  const inHistory = (at: Date) => at.getTime() >= world.historyStart.getTime();

  for (const line of customers.flatMap((c) => c.accounts.flatMap((a) => a.lines))) {
    const [first, ...changes] = line.tariffs;
    if (first) {
      journal(line.activatedAt, 'line.activated', line, 'system', {
        tariff: first.code,
        ...(line.msisdn ? { msisdn: line.msisdn } : { contract: line.contractNumber }),
      });
    }
    let previous = first;
    for (const span of changes) {
      const effective = span.from;
      const asked = new Date(
        startOfDay(new Date(effective.getTime() - rng.int(1, 6) * DAY), world.timeZone).getTime() +
          rng.int(9, 21) * 3_600_000,
      );
      const details = { from: previous?.code, to: span.code, effective: effective.toISOString() };
      journal(asked, 'tariff.change_requested', line, span.channel, details);
      journal(effective, 'tariff.changed', line, 'system', details);
      request({
        line,
        kind: 'tariff_change',
        status: 'done',
        payload: details,
        events: [
          { status: 'accepted', at: asked, note: 'Смена тарифа с начала следующего периода' },
          { status: 'done', at: effective, note: '' },
        ],
      });
      previous = span;
    }
    for (const span of line.options) {
      const option = products.options.get(span.code);
      const content = option?.category === 'content';
      const details = {
        option: span.code,
        ...(option?.shortNumber ? { shortNumber: option.shortNumber } : {}),
        connectFee: Number(option?.connectFee ?? 0n),
        fee: Number(option?.fee ?? 0n),
        feePeriod: option?.feePeriod ?? null,
      };
      journal(span.from, 'option.connected', line, span.channel, details);
      if (inHistory(span.from) && span.channel === 'web' && !content) {
        request({
          line,
          kind: 'option_connect',
          status: 'done',
          payload: { option: span.code },
          events: [
            { status: 'accepted', at: span.from, note: '' },
            { status: 'done', at: new Date(span.from.getTime() + rng.int(2, 40) * 1000), note: '' },
          ],
        });
      }
      if (span.to) {
        // Content is usually dropped by texting STOP to its short number (SVC-03); options from the cabinet.
        if (content) journal(span.to, 'option.disconnected', line, 'sms', { ...details, via: 'STOP' });
        else journal(span.to, 'option.disconnected', line, 'web', details);
      }
    }
  }

  for (const c of customers) {
    for (const item of c.story) {
      request(item);
      if (item.journal)
        journal(item.journal.at, item.journal.action, item.line, item.journal.channel, item.journal.details);
    }
    for (const login of c.logins) {
      const line = login.owns[0] ?? null;
      for (let i = rng.int(1, 4); i > 0; i--) {
        const day = startOfDay(
          new Date(world.now.getTime() - rng.int(0, 30) * DAY),
          world.timeZone,
        ).getTime();
        const at = new Date(
          Math.min(day + rng.int(8 * 3600, 23 * 3600) * 1000, world.now.getTime() - 60_000),
        );
        journal(at, 'auth.login', line, 'web', { method: rng.chance(0.7) ? 'sms_code' : 'password' });
      }
    }
  }

  const lines = new Map(customers.flatMap((c) => c.accounts.flatMap((a) => a.lines)).map((l) => [l.id, l]));
  for (const t of topups) {
    const line = t.lineId ? (lines.get(t.lineId) ?? null) : null;
    const details = { amount: Number(t.amount), source: t.source };
    if (t.source === 'card') journal(t.at, 'payment.topup', line, 'web', details);
    else if (t.source === 'autopay') journal(t.at, 'payment.autopay', line, 'system', details);
    else if (t.source === 'voucher') journal(t.at, 'payment.voucher', line, 'ussd', details);
    else journal(t.at, 'payment.received', line, 'api', details, 'integration');
  }
  return rows;
}
