/**
 * Plays one billing account's history forward in time: periodic fees and connection fees of its tariffs and
 * options, its top-ups, and its lines' usage rated against packages and prices — producing the ledger
 * transfers, payments, rated usage records and current buckets, all consistent with one another.
 *
 * It runs twice per account. The first run ("plan") has no money and blocks nothing: it only measures what the
 * account would spend and when, so that top-ups can be planned to cover it (topups.ts). The second run
 * ("final") replays the same events with those top-ups and real balance rules: with no money left, a prepaid
 * line cannot call, text or go online, and its fees push the balance below zero.
 */
import { formatPhone, newId } from '@kabinet/core';
import type {
  BucketsTable,
  LedgerTransfersTable,
  OperatorAccount,
  PaymentsTable,
  UsageRecordsTable,
} from '@kabinet/db';
import type { Insertable } from 'kysely';
import { dayOfMonth, type Grid, monthGrid, periodIndex } from './calendar.ts';
import { isForeign } from './numbers.ts';
import type { AccountPlan, LinePlan, PaymentSource, ProductSpan } from './plan.ts';
import { dataPrice, smsPrice, voicePrice } from './pricing.ts';
import { type ProductInfo, renewal, type TemplateInfo } from './products.ts';
import { activeAt, generateUsage, type UsageEvent, type UsageWorld } from './usage.ts';

export interface SimWorld extends UsageWorld {
  timeZone: string;
  ledger: Record<OperatorAccount, string>;
}

export interface PlannedPayment {
  at: number;
  amount: bigint;
  source: PaymentSource;
}

/** A debit of the account: what the top-up planner has to cover. */
export interface Charge {
  at: number;
  amount: bigint;
}

export interface AccountRows {
  transfers: Insertable<LedgerTransfersTable>[];
  payments: Insertable<PaymentsTable>[];
  usage: Insertable<UsageRecordsTable>[];
  buckets: Insertable<BucketsTable>[];
}

export interface RunResult {
  charges: Charge[];
  balance: bigint;
  rows: AccountRows;
}

interface FeeEvent {
  type: 0;
  at: number;
  line: LinePlan;
  product: ProductInfo;
  amount: bigint;
  connect: boolean;
}
interface PaymentEvent {
  type: 1;
  at: number;
  payment: PlannedPayment;
}
interface UsageItem {
  type: 2;
  at: number;
  usage: UsageEvent;
}
type SimEvent = FeeEvent | PaymentEvent | UsageItem;

interface BucketState {
  template: TemplateInfo;
  start: number;
  end: number | null;
  used: bigint;
}

const CLEARING: Record<PaymentSource, OperatorAccount> = {
  card: 'acquirer',
  autopay: 'acquirer',
  voucher: 'vouchers',
  cash: 'cash',
  bank: 'cash',
};

const SOURCE_RU: Record<PaymentSource, string> = {
  card: 'банковская карта',
  autopay: 'автоплатёж',
  voucher: 'карта оплаты',
  cash: 'наличные в салоне связи',
  bank: 'банковский перевод',
};

export class AccountSimulation {
  private readonly base: SimEvent[];
  private readonly grids = new Map<ProductSpan, Grid>();

  constructor(
    private readonly world: SimWorld,
    private readonly account: AccountPlan,
  ) {
    const events: SimEvent[] = [];
    for (const line of account.lines) {
      for (const span of line.tariffs)
        this.addFees(events, line, span, this.tariff(span.code), line.anchorDay);
      for (const span of line.options) {
        this.addFees(events, line, span, this.option(span.code), dayOfMonth(span.from, world.timeZone));
      }
      for (const usage of generateUsage(world, line, account.rng))
        events.push({ type: 2, at: usage.at, usage });
    }
    this.base = events;
  }

  private tariff(code: string): ProductInfo {
    const p = this.world.products.tariffs.get(code);
    if (!p) throw new Error(`Unknown tariff ${code}`);
    return p;
  }

  private option(code: string): ProductInfo {
    const p = this.world.products.options.get(code);
    if (!p) throw new Error(`Unknown option ${code}`);
    return p;
  }

  /** Fees inside the history: at the start of the span (activation, connection, tariff change) and each period. */
  private addFees(
    events: SimEvent[],
    line: LinePlan,
    span: ProductSpan,
    product: ProductInfo,
    anchor: number,
  ) {
    const { historyStart, now } = this.world;
    const from = span.from.getTime();
    const to = Math.min(span.to?.getTime() ?? Number.POSITIVE_INFINITY, now.getTime() + 1);
    const inHistory = from >= historyStart.getTime();
    if (inHistory && product.connectFee > 0n) {
      events.push({ type: 0, at: from, line, product, amount: product.connectFee, connect: true });
    }
    if (product.fee === 0n || product.feePeriod === null) return;
    if (inHistory) events.push({ type: 0, at: from, line, product, amount: product.fee, connect: false });
    const grid = product.feePeriod === 'day' ? this.world.days : this.monthGrid(span, anchor);
    for (const at of grid) {
      if (at > from && at >= historyStart.getTime() && at < to) {
        events.push({ type: 0, at, line, product, amount: product.fee, connect: false });
      }
    }
  }

  private monthGrid(span: ProductSpan, anchor: number): Grid {
    let grid = this.grids.get(span);
    if (!grid) {
      grid = monthGrid(this.world.historyStart, this.world.now, anchor, this.world.timeZone);
      this.grids.set(span, grid);
    }
    return grid;
  }

  /** The bucket period of `template` on `span` that holds instant `t`. */
  private period(line: LinePlan, span: ProductSpan, product: ProductInfo, template: TemplateInfo, t: number) {
    const from = span.from.getTime();
    const mode = renewal(template, product);
    if (mode === 'once') return { start: from, end: null };
    const isTariff = line.tariffs.includes(span);
    const grid =
      mode === 'day'
        ? this.world.days
        : this.monthGrid(span, isTariff ? line.anchorDay : dayOfMonth(span.from, this.world.timeZone));
    const i = periodIndex(grid, t);
    return { start: Math.max(grid[i] ?? from, from), end: grid[i + 1] ?? null };
  }

  /** Buckets of `kind` the line can draw from at `t`: the tariff's first, then the options'. */
  private bucketsFor(state: Map<string, BucketState>, line: LinePlan, kind: TemplateInfo['kind'], t: number) {
    const out: BucketState[] = [];
    const visit = (span: ProductSpan, product: ProductInfo) => {
      for (const template of product.templates) {
        if (template.kind !== kind) continue;
        const { start, end } = this.period(line, span, product, template, t);
        const key = `${line.id}|${template.id}|${start}`;
        let bucket = state.get(key);
        if (!bucket) {
          bucket = { template, start, end, used: 0n };
          state.set(key, bucket);
        }
        out.push(bucket);
      }
    };
    for (const span of activeAt(line.tariffs, t)) visit(span, this.tariff(span.code));
    for (const span of activeAt(line.options, t)) visit(span, this.option(span.code));
    return out;
  }

  /** Prices one usage event; null when the network would refuse it (no price, or data after the package). */
  private rate(state: Map<string, BucketState>, u: UsageEvent) {
    const span = activeAt(u.line.tariffs, u.at)[0];
    if (!span) return null;
    const rates = this.tariff(span.code).rates;
    const inc = rates.voice_increment_sec ?? 60;
    if (u.zone) {
      const z = rates.roaming?.[u.zone];
      if (!z) return null;
      const cost =
        u.kind === 'voice_out'
          ? voicePrice(u.volume, z.voice_out_per_min, inc)
          : u.kind === 'voice_in'
            ? voicePrice(u.volume, z.voice_in_per_min, inc)
            : u.kind === 'sms_out'
              ? smsPrice(1n, z.sms_out)
              : u.kind === 'data'
                ? dataPrice(u.volume, z.data_per_mb, rates.data_increment_kb)
                : 0n;
      return { cost, takes: [] as [BucketState, bigint][], fromPackage: 0n };
    }
    if (u.kind === 'voice_in' || u.kind === 'sms_in' || u.kind === 'mms_in') {
      return { cost: 0n, takes: [] as [BucketState, bigint][], fromPackage: 0n };
    }
    const foreign = u.otherParty !== null && isForeign(u.otherParty);
    if (foreign) {
      const rate = u.kind === 'voice_out' ? rates.voice_intl_per_min : rates.sms_intl;
      if (rate === undefined) return null;
      const cost = u.kind === 'voice_out' ? voicePrice(u.volume, rate, inc) : smsPrice(1n, rate);
      return { cost, takes: [] as [BucketState, bigint][], fromPackage: 0n };
    }
    const kind = u.kind === 'voice_out' ? 'voice' : u.kind === 'data' ? 'data' : 'sms';
    const buckets = this.bucketsFor(state, u.line, kind, u.at);
    const takes: [BucketState, bigint][] = [];
    let need = u.volume;
    for (const b of buckets) {
      const left = b.template.amount - b.used;
      if (left <= 0n || need === 0n) continue;
      const take = left < need ? left : need;
      takes.push([b, take]);
      need -= take;
    }
    const fromPackage = u.volume - need;
    if (need === 0n) return { cost: 0n, takes, fromPackage };
    // Out of package data: most people notice the slow-down or the SMS and stop until the next period.
    if (kind === 'data' && buckets.length > 0 && u.persist >= 0.15) return null;
    const rate =
      kind === 'voice' ? rates.voice_out_per_min : kind === 'data' ? rates.data_per_mb : rates.sms_out;
    if (rate === undefined) return null;
    const cost =
      kind === 'voice'
        ? voicePrice(need, rate, inc)
        : kind === 'data'
          ? dataPrice(need, rate, rates.data_increment_kb)
          : smsPrice(need, rate);
    return { cost, takes, fromPackage };
  }

  /** Replays the history with `payments`; `final` enforces the balance and produces the rows. */
  run(payments: PlannedPayment[], final: boolean): RunResult {
    const events: SimEvent[] = [
      ...this.base,
      ...payments.map((payment) => ({ type: 1 as const, at: payment.at, payment })),
    ];
    events.sort((a, b) => a.at - b.at || a.type - b.type);
    const { ledger } = this.world;
    const account = this.account;
    const rows: AccountRows = { transfers: [], payments: [], usage: [], buckets: [] };
    const charges: Charge[] = [];
    const state = new Map<string, BucketState>();
    let balance = 0n;
    const transfer = (
      at: number,
      debit: string,
      credit: string,
      amount: bigint,
      kind: string,
      line: LinePlan | null,
      description: string,
    ) => {
      const created = new Date(at);
      const id = newId('transfer', created);
      rows.transfers.push({
        id,
        debit_account_id: debit,
        credit_account_id: credit,
        amount,
        kind,
        idempotency_key: null,
        line_id: line?.id ?? null,
        description,
        created_at: created,
      });
      return id;
    };
    for (const e of events) {
      if (e.type === 0) {
        balance -= e.amount;
        charges.push({ at: e.at, amount: e.amount });
        if (!final) continue;
        const content = e.product.category === 'content';
        const description = e.connect
          ? `Подключение: ${e.product.nameRu}`
          : content
            ? `Подписка «${e.product.nameRu}» (${e.product.shortNumber ?? ''})`
            : `Абонентская плата: ${e.product.nameRu}`;
        const revenue = content ? ledger.revenueContent : ledger.revenueFees;
        transfer(
          e.at,
          account.ledgerAccountId,
          revenue,
          e.amount,
          content ? 'content' : 'fee',
          e.line,
          description,
        );
      } else if (e.type === 1) {
        balance += e.payment.amount;
        if (!final) continue;
        const { source, amount } = e.payment;
        const transferId = transfer(
          e.at,
          ledger[CLEARING[source]],
          account.ledgerAccountId,
          amount,
          'topup',
          account.lines[0] ?? null,
          `Пополнение: ${SOURCE_RU[source]}`,
        );
        const id = newId('payment', new Date(e.at));
        rows.payments.push({
          id,
          account_id: account.id,
          line_id: account.lines[0]?.id ?? null,
          source,
          amount,
          status: 'succeeded',
          transfer_id: transferId,
          external_id: source === 'cash' ? null : `${source}-${id.slice(-10)}`,
          idempotency_key: null,
          created_at: new Date(e.at),
          completed_at: new Date(e.at + 2000 + (e.at % 25_000)),
        });
      } else {
        const u = e.usage;
        const rated = this.rate(state, u);
        if (!rated) continue;
        const outgoing =
          u.kind === 'voice_out' || u.kind === 'sms_out' || u.kind === 'data' || rated.cost > 0n;
        const available = balance + account.creditLimit;
        if (final && outgoing && (available <= 0n || rated.cost > available)) continue;
        for (const [bucket, take] of rated.takes) bucket.used += take;
        balance -= rated.cost;
        if (rated.cost > 0n) charges.push({ at: u.at, amount: rated.cost });
        if (!final) continue;
        const transferId =
          rated.cost > 0n
            ? transfer(
                u.at,
                account.ledgerAccountId,
                ledger.revenueUsage,
                rated.cost,
                'usage',
                u.line,
                usageText(u),
              )
            : null;
        rows.usage.push({
          id: newId('usage', new Date(u.at)),
          started_at: new Date(u.at),
          line_id: u.line.id,
          account_id: account.id,
          kind: u.kind,
          other_party: u.otherParty,
          volume: u.volume,
          roaming_zone: u.zone,
          from_package: rated.fromPackage,
          cost: rated.cost,
          balance_after: balance,
          transfer_id: transferId,
          rated_at: new Date(Math.min(u.at + u.seconds * 1000 + 3000, this.world.now.getTime())),
        });
      }
    }
    if (final) rows.buckets = this.currentBuckets(state);
    return { charges, balance, rows };
  }

  /** Buckets of the current period on every mobile line, with what this period's usage took from them. */
  private currentBuckets(state: Map<string, BucketState>): Insertable<BucketsTable>[] {
    const now = this.world.now.getTime();
    const out: Insertable<BucketsTable>[] = [];
    for (const line of this.account.lines) {
      if (line.kind !== 'mobile') continue;
      for (const kind of ['voice', 'sms', 'data'] as const) {
        for (const bucket of this.bucketsFor(state, line, kind, now)) {
          out.push({
            id: newId('bucket', new Date(bucket.start)),
            line_id: line.id,
            package_template_id: bucket.template.id,
            kind,
            total: bucket.template.amount,
            used: bucket.used < bucket.template.amount ? bucket.used : bucket.template.amount,
            period_start: new Date(bucket.start),
            period_end: bucket.end === null ? null : new Date(bucket.end),
          });
        }
      }
    }
    return out;
  }
}

function usageText(u: UsageEvent): string {
  const party = u.otherParty ? ` ${formatPhone(u.otherParty)}` : '';
  const what =
    u.kind === 'voice_out'
      ? `исходящий звонок${party}`
      : u.kind === 'voice_in'
        ? `входящий звонок${party}`
        : u.kind === 'sms_out'
          ? `SMS${party}`
          : 'мобильный интернет';
  return u.zone ? `Роуминг (${u.zone}): ${what}` : what.charAt(0).toUpperCase() + what.slice(1);
}
