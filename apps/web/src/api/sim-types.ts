import type { RequestStatus } from './catalog-types';
import type { LineStatus } from './types';

/** Shapes of the suspension and SIM endpoints (docs/api/plans-and-services.md, "Suspension and SIM"). */

/** PLAN-06: the tariff's suspension rule (kopecks per day after the free days). */
export interface SuspensionRules {
  feePerDay: number;
  freeDays: number;
  maxDays: number;
}

export interface SuspensionPeriod {
  from: string;
  until: string;
}

export interface Suspension {
  /** Whether the tariff has a suspension rule at all. */
  available: boolean;
  rules: SuspensionRules | null;
  current: SuspensionPeriod | null;
  status: LineStatus;
}

export type BlockReason = 'lost' | 'stolen';

/** One SIM card of the line: `physical` or `esim`; status e.g. `active`, `pending`, `blocked`. */
export interface SimCard {
  id: string;
  kind: 'physical' | 'esim' | string;
  status: string;
  iccidLast4: string | null;
  createdAt: string;
  pickupOffice: string | null;
}

/**
 * SVC-09: the line's SIM state. Unblocking after a loss: `self_service` with a code to `unblockContact` (the
 * masked recovery phone) when there is one, otherwise in an office (operator setting `unblock`).
 */
export interface SimState {
  status: LineStatus;
  blockReason: BlockReason | null;
  blockedAt: string | null;
  cards: SimCard[];
  unblock: 'self_service' | 'office';
  unblockContact: string | null;
}

/** SVC-09: where the unblock code went and until when it works. */
export interface UnblockCodeSent {
  sentTo: string;
  expiresAt: string;
  attemptsLeft: number;
}

export interface Esim {
  card: SimCard;
  /** `LPA:1$<SM-DP+ address>$<matching id>`. */
  activationCode: string;
  /** The QR code of the activation code as an SVG document. */
  qrSvg: string;
}

/** The request a change made (its full time line is in /requests). */
export interface RequestRef {
  id: string;
  kind: string;
  status: RequestStatus;
}

export interface SuspendAnswer {
  request: RequestRef;
  current: SuspensionPeriod;
}

export interface ReplacementAnswer {
  request: RequestRef;
  card: SimCard;
}

export interface EsimAnswer extends Esim {
  request: RequestRef;
}
