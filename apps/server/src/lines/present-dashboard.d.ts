import type { DashboardRow } from './dashboard-query.ts';
/** Below this balance (kopecks) the dashboard warns, unless the account sets its own threshold (PAY-09). */
export declare const DEFAULT_LOW_BALANCE = 10000n;
/** Shapes the dashboard row for the API: money as integer kopecks, packages in the units people buy. */
export declare function presentDashboard(row: DashboardRow): {
  line: {
    id: string;
    kind: import('@kabinet/db').LineKind;
    msisdn: string | null;
    contractNumber: string | null;
    status: import('@kabinet/db').LineStatus;
    ownerName: string;
  };
  balance: {
    amount: number;
    currency: 'RUB';
    creditLimit: number;
  };
  tariff: {
    id: string;
    code: string;
    name: {
      ru: string;
      en: string;
    };
    fee: number;
    feePeriod: import('@kabinet/db').FeePeriod;
  };
  packages: {
    renewsAt: string | null;
    unit: import('@kabinet/core').DisplayUnit;
    total: number;
    remaining: number;
    used: number;
    id: string;
    kind: import('@kabinet/db').PackageKindColumn;
    name: {
      ru: string;
      en: string;
    };
  }[];
  nextCharge: {
    at: string;
    amount: number;
  } | null;
  warnings: {
    code: 'low_balance' | 'blocked' | 'negative_balance';
  }[];
};
