import type { AccessLevel, FeePeriod, LineKind, LineStatus, PackageKindColumn } from '@kabinet/db';
import type pg from 'pg';
export interface DashboardRow {
  grant_access: AccessLevel | null;
  id: string;
  kind: LineKind;
  msisdn: string | null;
  contract_number: string | null;
  status: LineStatus;
  next_fee_at: Date | null;
  owner_name: string;
  balance: bigint;
  credit_limit: bigint;
  low_balance_threshold: bigint | null;
  tariff_id: string;
  tariff_code: string;
  tariff_name_ru: string;
  tariff_name_en: string;
  tariff_fee: bigint;
  tariff_fee_period: FeePeriod;
  options_fee: bigint;
  buckets: Array<{
    id: string;
    kind: PackageKindColumn;
    total: string;
    used: string;
    period_end: string | null;
    name_ru: string;
    name_en: string;
  }>;
}
export declare function loadDashboardRow(
  pool: pg.Pool,
  lineId: string,
  loginId: string,
  now: Date,
): Promise<DashboardRow | undefined>;
