import type { LocalisedName } from './types';

/** Shapes of the tariff, option, subscription and request endpoints (docs/api/plans-and-services.md). */

export type FeePeriod = 'day' | 'month';
export type PackageKind = 'voice' | 'sms' | 'data';
export type PackageUnit = 'min' | 'sms' | 'mb';

/** A package a tariff or option includes. */
export interface IncludedPackage {
  kind: PackageKind;
  name: LocalisedName;
  amount: number;
  unit: PackageUnit;
  /** How it refills: `fee_period`, `day`, `month` or `once`. */
  renew: string;
}

/** A price outside the packages, e.g. `voice_out_per_min`. */
export interface TariffRate {
  key: string;
  name: LocalisedName;
  /** Kopecks per `unit`. */
  price: number;
  unit: PackageUnit;
}

/** Roaming prices of one zone, kopecks per minute / message / megabyte. */
export interface RoamingZone {
  zone: string;
  name: LocalisedName;
  voiceOutPerMin: number;
  voiceInPerMin: number;
  smsOut: number;
  dataPerMb: number;
}

export interface TariffRef {
  id: string;
  code: string;
  name: LocalisedName;
}

/** GET /lines/{id}/tariff (PLAN-01). */
export interface CurrentTariff extends TariffRef {
  description: LocalisedName;
  fee: number;
  feePeriod: FeePeriod;
  nextFeeAt: string | null;
  packages: IncludedPackage[];
  rates: TariffRate[];
  roaming: RoamingZone[];
  pendingChange: { tariff: TariffRef; at: string; requestId: string } | null;
}

/** One package kind now and after a change; null where the tariff has none. */
export interface PackageChange {
  kind: PackageKind;
  now: number | null;
  after: number | null;
  unit: PackageUnit;
}

/** A tariff the line may switch to (PLAN-02). */
export interface TariffOffer extends TariffRef {
  description: LocalisedName;
  fee: number;
  feePeriod: FeePeriod;
  packages: IncludedPackage[];
  /** Kopecks charged when switching now; 0 when free. */
  transitionFee: number;
  changes: PackageChange[];
  /** Connected options that need a tariff this one is not: the change disconnects them. */
  disconnectsOptions?: Array<{ id: string; code: string; name: LocalisedName }>;
  monthlyEquivalent: number;
}

export type TariffSort = 'price' | 'data' | 'minutes';
export type ChangeWhen = 'now' | 'next_period';

export type OptionCategory = 'internet' | 'calls' | 'roaming' | 'messages' | 'extra';

/** Why an option cannot be connected: the tariffs it needs or the connected options it excludes. */
export interface Incompatibility {
  code: 'requires_tariff' | 'excludes_option';
  tariffs?: Array<{ code: string; name: LocalisedName }>;
  options?: Array<{ code: string; name: LocalisedName }>;
}

export interface OptionOffer {
  id: string;
  code: string;
  category: OptionCategory;
  name: LocalisedName;
  description: LocalisedName;
  connectFee: number;
  fee: number;
  feePeriod: FeePeriod | null;
  packages: IncludedPackage[];
  compatible: boolean;
  incompatibility: Incompatibility | null;
}

export interface ConnectedOption extends OptionOffer {
  connectedAt: string;
  nextFeeAt: string | null;
}

export interface LineOptions {
  connected: ConnectedOption[];
  available: OptionOffer[];
}

/** A paid content subscription (SVC-03). */
export interface ContentSubscription {
  id: string;
  code: string;
  name: LocalisedName;
  shortNumber: string | null;
  fee: number;
  feePeriod: FeePeriod | null;
  connectedAt: string;
}

export type RequestStatus = 'accepted' | 'in_progress' | 'done' | 'rejected';

/** An order on the line and its time line (SVC-11). */
export interface LineRequest {
  id: string;
  kind: string;
  status: RequestStatus;
  title: LocalisedName;
  /** When the change takes (took) effect: the next period's start for a planned tariff change. */
  effectiveAt?: string | null;
  createdAt: string;
  updatedAt: string;
  events: Array<{ status: RequestStatus; note: string | null; at: string }>;
}

/** What a write answers: the request it made and the balance after it (kopecks). */
export interface ChangeResult {
  request: LineRequest;
  balance?: number;
}
