/**
 * PAY-08: which spending category a charge belongs to. Spending comes from two places: rated usage records
 * (calls, messages, internet — roaming when they carry a zone) and ledger transfers debiting the subscriber
 * (fees, content …). Usage transfers are not counted from the ledger (their records are, with more detail).
 *
 * Trap: other slices keep adding transfer kinds. An unknown kind that pays the operator is still spending:
 * it lands in `other` rather than failing or disappearing, so the categories always add up to what was spent.
 */
export const SPENDING_CATEGORIES = [
  'calls',
  'messages',
  'internet',
  'fees',
  'content',
  'roaming',
  'other',
] as const;
export type SpendingCategory = (typeof SPENDING_CATEGORIES)[number];

/** Category of a rated usage record: anything used abroad (a roaming zone) is roaming, whatever its kind. */
export function categoryOfUsage(kind: string, roamingZone: string | null): SpendingCategory {
  if (roamingZone) return 'roaming';
  if (kind === 'voice_out' || kind === 'voice_in') return 'calls';
  if (kind.startsWith('sms_') || kind.startsWith('mms_')) return 'messages';
  if (kind === 'data') return 'internet';
  return 'other';
}

/** Ledger kinds of one-off and periodic fees: subscription, option and tariff-change fees, service fees. */
const FEE_KINDS: ReadonlySet<string> = new Set([
  'fee',
  'periodic_fee',
  'tariff_change',
  'option_connect',
  'option_disconnect',
  'suspension_fee',
  'inactivity_fee',
  'sim_replacement',
  'promised_fee',
  'transfer_fee',
  'service_fee',
]);

/** The counterpart of a transfer debiting the subscriber, as `ledger_accounts` describes it. */
export interface TransferCounterpart {
  /** `ledger_accounts.kind`: `revenue`, `clearing`, `credit`, `subscriber`, `bonus`, `equity`. */
  kind: string;
  /** `ledger_accounts.code`, e.g. `revenue:content`. */
  code: string;
}

/**
 * Category of a ledger transfer debiting the subscriber, or null when it is not spending: repaying a promised
 * payment (credit) or a refund back through a clearing account moves money without buying anything. Usage
 * transfers are null too — their records are counted instead. Money paid to another subscriber (a mobile
 * transfer) or an unknown kind paid to the operator is `other`.
 */
export function categoryOfTransfer(kind: string, counterpart: TransferCounterpart): SpendingCategory | null {
  if (kind === 'usage') return null;
  if (counterpart.kind === 'credit' || counterpart.kind === 'clearing') return null;
  if (kind.startsWith('content') || counterpart.code === 'revenue:content') return 'content';
  if (kind.startsWith('roaming')) return 'roaming';
  if (FEE_KINDS.has(kind) || counterpart.code === 'revenue:fees' || counterpart.code === 'revenue:services')
    return 'fees';
  return 'other';
}
