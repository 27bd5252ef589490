/**
 * The demo cast before it touches the database: who the customers are, their accounts and lines, which tariff
 * and options each line had when, and how each person uses the phone and pays. The simulation turns a plan
 * into rows; keeping the two apart lets the story be read (and tuned) without any SQL in the way.
 */
import type { JournalChannel, LineKind, LineStatus } from '@kabinet/db';
import type { PersonName } from './names.ts';
import type { Rng } from './random.ts';

/** A tariff or option on a line from `from` until `to` (exclusive; null = still on). */
export interface ProductSpan {
  code: string;
  from: Date;
  to: Date | null;
  /** How the subscriber connected it, for the journal. */
  channel: JournalChannel;
}

export interface Trip {
  zone: string;
  from: Date;
  to: Date;
}

/**
 * How much of its packages a line uses: 1 means exactly the package, above 1 runs over it. Lines without a
 * package of a kind use small absolute amounts instead.
 */
export interface UsageProfile {
  voiceFit: number;
  smsFit: number;
  dataFit: number;
  /** Share of outgoing calls that go abroad (0 for most). */
  intlShare: number;
}

export interface LinePlan {
  id: string;
  kind: Extract<LineKind, 'mobile' | 'home_internet'>;
  msisdn: string | null;
  contractNumber: string | null;
  status: LineStatus;
  activatedAt: Date;
  anchorDay: number;
  /** Chronological; the last one is current. Changes fall on the line's monthly anchor. */
  tariffs: ProductSpan[];
  /** Options and content subscriptions, past and present. */
  options: ProductSpan[];
  /** The line stops being used at this instant (blocked after a SIM loss). */
  blockedAt: Date | null;
  usage: UsageProfile;
  trips: Trip[];
  /** Numbers this line talks to, most frequent first; filled once every number is known. */
  contacts: string[];
  /** Foreign numbers this line calls now and then. */
  foreignContacts: string[];
}

export type PaymentSource = 'card' | 'voucher' | 'cash' | 'bank' | 'autopay';

/**
 * How an account pays. `regular`: top-ups every few days or weeks, sized to cover what comes next, ending the
 * history near `targetBalance`. `invoice` (postpaid): on a day early each month, the previous month's charges
 * are paid by bank transfer.
 */
export interface PayingHabit {
  kind: 'regular' | 'invoice';
  intervalDays: [number, number];
  /** Kopecks kept on top of what the next interval costs. */
  buffer: [bigint, bigint];
  /** Top-ups are rounded up to this many kopecks (people pay 300 ₽, not 287,40 ₽). */
  roundTo: bigint;
  sources: [PaymentSource, number][];
  /** Kopecks the account should end the history with; negative for the ones that stopped paying. */
  targetBalance: bigint;
  /** No top-ups after this instant. */
  stopAt: Date | null;
}

export interface AccountPlan {
  id: string;
  number: string;
  ledgerAccountId: string;
  paymentType: 'prepaid' | 'postpaid';
  creditLimit: bigint;
  lowBalanceThreshold: bigint | null;
  createdAt: Date;
  lines: LinePlan[];
  habit: PayingHabit;
  /** The account's own random stream, forked from the seed (see Rng.fork). */
  rng: Rng;
}

export interface LoginPlan {
  id: string;
  kind: 'phone' | 'contract';
  identifier: string;
  displayName: string;
  locale: 'ru' | 'en';
  loginAlerts: boolean;
  createdAt: Date;
  /** Lines reached as owner. */
  owns: LinePlan[];
  /** Other people's lines linked with their consent (LINES-01). */
  linked: LinePlan[];
}

export interface CustomerPlan {
  id: string;
  kind: 'person' | 'company';
  displayName: string;
  inn: string | null;
  email: string | null;
  /** The person, or the company's manager who holds its login. */
  person: PersonName;
  createdAt: Date;
  accounts: AccountPlan[];
  logins: LoginPlan[];
  /** Extra story for the journal and requests of the demo subscribers. */
  story: StoryItem[];
}

/** A request with its time line, written as told (e.g. a lost SIM and its replacement). */
export interface StoryItem {
  line: LinePlan;
  kind: string;
  status: 'accepted' | 'in_progress' | 'done' | 'rejected';
  payload: Record<string, unknown>;
  events: { status: string; at: Date; note: string }[];
  journal?: { action: string; channel: JournalChannel; at: Date; details: Record<string, unknown> };
}

export function allLines(customers: CustomerPlan[]): LinePlan[] {
  return customers.flatMap((c) => c.accounts.flatMap((a) => a.lines));
}
