/** Shapes of the /api/v1 responses the cabinet reads. Money is always integer kopecks. */

export type LineKind = 'mobile' | 'home_internet' | 'tv' | 'home_phone';
export type LineStatus = 'active' | 'blocked' | 'suspended' | 'closed';

/** A line as listed for the logged-in user (GET /me). */
export interface MeLine {
  id: string;
  kind: LineKind;
  /** E.164, for mobile lines and home phones; null for contracts without a number. */
  msisdn: string | null;
  /** For home internet / TV contracts. */
  contractNumber: string | null;
  status: LineStatus;
  /** How this login reaches the line (owner, linked number, child, delegate). */
  role: 'owner' | 'linked' | 'child' | 'delegate';
  /** Partial access may top up and view services, not manage them nor see history. */
  access: 'full' | 'partial';
}

export type AccessLevel = 'full' | 'partial';
export type LoginMethod = 'sms_code' | 'password' | 'passkey' | 'phone_confirm' | 'enrichment';

export interface Me {
  login: {
    id: string;
    displayName: string;
    /** Whether a permanent password is set (ACCESS-02). */
    hasPassword: boolean;
    /** What the login is identified by (ACCESS-10). */
    kind: 'phone' | 'contract' | 'email';
  };
  lines: MeLine[];
  /** The session this browser holds: how it was opened and at which access level (ACCESS-09). */
  session: { id: string; access: AccessLevel; method: LoginMethod };
}

/** Answer to POST /auth/code: where the code went and when the next one may be asked for. */
export interface CodeSent {
  /** The number normalised to E.164: send this one back when verifying. */
  phone: string;
  maskedPhone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

export interface LocalisedName {
  ru: string;
  en: string;
}

export interface PackageRemainder {
  id: string;
  kind: 'voice' | 'sms' | 'data';
  name: LocalisedName;
  /** Data is counted in megabytes. */
  unit: 'min' | 'sms' | 'mb';
  total: number;
  used: number;
  remaining: number;
  /** ISO instant of the next refill; null for one-off packages. */
  renewsAt: string | null;
}

export type WarningCode =
  | 'low_balance'
  | 'blocked'
  | 'blocked_debt'
  | 'blocked_inactivity'
  | 'out_of_funds'
  | 'negative_balance';

export interface Dashboard {
  line: {
    id: string;
    kind: LineKind;
    msisdn: string | null;
    contractNumber: string | null;
    status: LineStatus;
    ownerName: string;
  };
  /** Kopecks; the amount may be negative. */
  balance: { amount: number; currency: 'RUB'; creditLimit: number };
  tariff: {
    id: string;
    code: string;
    name: LocalisedName;
    /** Kopecks per `feePeriod`. */
    fee: number;
    feePeriod: 'day' | 'month';
  } | null;
  packages: PackageRemainder[];
  /** ISO instant and kopecks of the next periodic charge. */
  nextCharge: { at: string; amount: number } | null;
  /** PAY-05: the unpaid promised payment, if any. */
  promisedPayment?: { amount: number; fee: number; dueAt: string };
  warnings: Array<{ code: WarningCode }>;
}

export interface DemoInfo {
  demo: true;
  /** E.164 numbers of the demo subscribers. */
  phones: string[];
}

export interface VirtualSms {
  id: string;
  from: string;
  body: string;
  /** ISO instant. */
  receivedAt: string;
  /** `flash`: a USSD/flash prompt shown over the screen (ACCESS-07); plain SMS when absent. */
  kind?: 'sms' | 'flash';
  /** The prompt still waits for an answer ("1" confirms). */
  replyable?: boolean;
}
