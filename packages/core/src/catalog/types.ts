/**
 * The operator's catalog as the domain sees it, after the file (`kabinet-catalog/1`, docs/catalog.md) has been
 * read: money in integer kopecks, package amounts in network units (seconds, messages, bytes), codes as the
 * links between items. Nothing here knows about files or the database.
 */
import type { PackageKind } from '../packages.ts';

export type CatalogLineKind = 'mobile' | 'home_internet' | 'tv' | 'home_phone';
export type FeePeriod = 'day' | 'month';
/** When a bucket made from a package is refilled: with each fee of its product, daily, monthly or never. */
export type Renew = 'fee_period' | 'day' | 'month' | 'once';
export type OptionCategory = 'internet' | 'calls' | 'roaming' | 'messages' | 'extra' | 'content';

export interface Localised {
  ru: string;
  en: string;
}

/** Prices of one roaming zone, kopecks. Roaming usage never comes from the home packages. */
export interface ZoneRates {
  voice_out_per_min: number;
  /** Incoming calls are free at home but not abroad. */
  voice_in_per_min: number;
  sms_out: number;
  data_per_mb: number;
}

/**
 * A configurable tariff (PLAN-05): the monthly fee is `base_fee` plus the fee of the chosen step of each kind
 * (the slider positions). The tariff's own packages are the default choice, and its `fee` must equal that sum.
 */
export interface ConfigurableRates {
  base_fee: number;
  voice: { minutes: number; fee: number }[];
  data: { gigabytes: number; fee: number }[];
  sms: { messages: number; fee: number }[];
}

/**
 * `tariffs.rates`: prices outside packages and rounding rules, integer kopecks. An absent price means the
 * service is not sold on this tariff unless a default is stated. Each key is described in docs/catalog.md.
 */
export interface Rates {
  voice_out_per_min?: number;
  /** Billing step of calls in seconds, default 60 (per started minute); 1 = per second. */
  voice_increment_sec?: number;
  voice_intl_per_min?: number;
  sms_out?: number;
  sms_intl?: number;
  data_per_mb?: number;
  /** Billing step of a data session in KiB, default 1024. */
  data_increment_kb?: number;
  /** Roaming zone code → prices in that zone. */
  roaming?: Record<string, ZoneRates>;
  /** What moving onto this tariff costs (PLAN-02/03); absent = free. */
  transition_fee?: number;
  speed_mbps?: number;
  tv_channels?: number;
  configurable?: ConfigurableRates;
  /** Voluntary suspension (PLAN-06); absent: the server's default rule applies. */
  suspension?: SuspensionRates;
}

/**
 * PLAN-06: what a voluntary suspension of the line costs on this tariff. The periodic fee is not charged while
 * suspended; instead the first `free_days` are free and each further day costs `fee_per_day`.
 */
export interface SuspensionRates {
  fee_per_day: number;
  free_days: number;
  /** The longest suspension one request may ask for. */
  max_days: number;
}

export interface CatalogPackage {
  kind: PackageKind;
  /** Network units: seconds, messages, bytes. */
  amount: bigint;
  renew: Renew;
  name: Localised;
}

/**
 * A price that takes effect on a calendar day (`from`, `YYYY-MM-DD` in the operator's time zone) and holds until
 * the next change. Null leaves that price as it was before the change.
 */
export interface PriceChange {
  from: string;
  fee: bigint | null;
  /** Options only: tariffs have no connection fee. */
  connectFee: bigint | null;
}

export interface CatalogTariff {
  code: string;
  lineKind: CatalogLineKind;
  name: Localised;
  description: Localised;
  /** The fee before the first of `priceChanges`. */
  fee: bigint;
  feePeriod: FeePeriod;
  isPublic: boolean;
  archivedAt: Date | null;
  rates: Rates;
  packages: CatalogPackage[];
  priceChanges: PriceChange[];
}

export interface CatalogOption {
  code: string;
  category: OptionCategory;
  name: Localised;
  description: Localised;
  connectFee: bigint;
  fee: bigint;
  /** Null for one-off options (only the connection fee). */
  feePeriod: FeePeriod | null;
  /** Content subscriptions: the short number that answers "STOP". */
  shortNumber: string | null;
  /** Tariff codes this option may be connected on; empty means any. */
  requiresTariffs: string[];
  /** Option codes that cannot be connected together with this one; the file lists each pair on both sides. */
  excludesOptions: string[];
  /** Roaming options: the zones where they apply. */
  roamingZones: string[];
  archivedAt: Date | null;
  packages: CatalogPackage[];
  priceChanges: PriceChange[];
}

/** A roaming zone (SVC-05): the countries whose prices `rates.roaming[code]` gives. */
export interface RoamingZone {
  code: string;
  name: Localised;
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** The zone of every country no other zone lists; at most one zone is. */
  restOfWorld: boolean;
  archivedAt: Date | null;
}

/** The kinds of communication a service ban (SVC-04) can bar. */
export const BAN_TARGETS = [
  'voice_intl',
  'sms_intl',
  'premium_rate',
  'content',
  'roaming_voice',
  'roaming_sms',
  'roaming_data',
  'data',
  'mms',
] as const;
export type BanTarget = (typeof BAN_TARGETS)[number];

/** A service ban a subscriber can set on a line: free, and it bars every kind it lists. */
export interface ServiceBan {
  code: string;
  name: Localised;
  description: Localised;
  bars: BanTarget[];
  archivedAt: Date | null;
}

export interface Catalog {
  tariffs: CatalogTariff[];
  options: CatalogOption[];
  roamingZones: RoamingZone[];
  bans: ServiceBan[];
}
