import type { LocalisedName } from './types';

/** Shapes of the line-settings endpoints (docs/api/plans-and-services.md, "Line settings"). */

/** Catalog texts: `{ ru, en }` like the rest of the catalog; a plain string is accepted too. */
export type CatalogText = LocalisedName | string;

/** SVC-04: one service ban of the catalog with this line's state. */
export interface ServiceBan {
  code: string;
  name: CatalogText;
  description: CatalogText;
  /** What it bars: `voice_intl`, `sms_intl`, `premium_rate`, `content`, `roaming_*`, `data`, `mms`. */
  bars: string[];
  enabled: boolean;
  enabledAt: string | null;
}

export type ForwardingCondition = 'unconditional' | 'busy' | 'no_answer' | 'unreachable';

/** SVC-06: one forwarding rule; the answer always lists all four conditions. */
export interface ForwardingRule {
  condition: ForwardingCondition;
  enabled: boolean;
  /** E.164. */
  target: string | null;
  /** `no_answer` only: 5–30 in steps of 5. */
  delaySeconds: number | null;
}

export interface ForwardingChange {
  enabled: boolean;
  /** Any phone format; the server normalises it. */
  target?: string;
  delaySeconds?: number;
}

/** SVC-07: one blacklisted number. */
export interface BlacklistEntry {
  id: string;
  /** E.164. */
  number: string;
  label: string | null;
  createdAt: string;
}

export interface Blacklist {
  entries: BlacklistEntry[];
  limit: number;
}
