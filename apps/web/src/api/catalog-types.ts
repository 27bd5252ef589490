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

/** PLAN-05: amounts chosen on a configurable tariff — minutes, gigabytes, SMS a month. */
export interface Choice {
  minutes: number;
  gigabytes: number;
  messages: number;
}

/** One slider position: the amount and what it adds to the base fee (kopecks a month). */
export interface SliderStep {
  amount: number;
  fee: number;
}

/** PLAN-05: the sliders of a configurable tariff; the fee is `baseFee` plus the chosen step of each. */
export interface ConfigurableSliders {
  baseFee: number;
  minutes: SliderStep[];
  gigabytes: SliderStep[];
  messages: SliderStep[];
  /** Where the sliders start: the line's choice on its own tariff, else the default. */
  start: Choice;
}

/** GET /lines/{id}/tariff (PLAN-01). */
export interface CurrentTariff extends TariffRef {
  description: LocalisedName;
  /** The fee due now (price changes and the line's choice applied). */
  fee: number;
  feePeriod: FeePeriod;
  nextFeeAt: string | null;
  /** The tariff fee due at `nextFeeAt` (a price change may fall before). */
  nextFee: number | null;
  packages: IncludedPackage[];
  rates: TariffRate[];
  roaming: RoamingZone[];
  configurable: ConfigurableSliders | null;
  choice: Choice | null;
  pendingChange: { tariff: TariffRef; at: string; requestId: string; choice: Choice | null } | null;
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
  /** The fee from the line's next fee date (differs from `fee` when a price change falls before it). */
  feeAtNextPeriod: number;
  /** Kopecks charged when switching now; 0 when free. */
  transitionFee: number;
  configurable: ConfigurableSliders | null;
  changes: PackageChange[];
  /** Connected options that need a tariff this one is not: the change disconnects them. */
  disconnectsOptions?: Array<{ id: string; code: string; name: LocalisedName }>;
  monthlyEquivalent: number;
}

export type TariffSort = 'price' | 'data' | 'minutes';

/** PLAN-04: what the subscriber uses most. */
export type PickerFocus = keyof Choice;

/** PLAN-04: the survey — the main use and how much of each a month. */
export interface PickerSurvey extends Choice {
  focus: PickerFocus;
}

/** PLAN-04: a proposed tariff, why it fits, and (configurable) the amounts to set. */
export interface PickerProposal {
  offer: TariffOffer;
  /** What it gives over 30 days; gigabytes may be fractional. */
  amounts: Choice;
  choice: Choice | null;
  /** Price over 30 days, kopecks. */
  monthlyFee: number;
  covers: PickerFocus[];
  short: PickerFocus[];
  fits: boolean;
}
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
