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

/**
 * Everything the dashboard shows, in one round trip: the line with the caller's grant, its account balance,
 * tariff, current buckets and the option fees due with the next charge. Keyed by line and login, so the
 * authorisation check is part of the same query. A named prepared statement: the hottest read of the cabinet
 * is planned once per connection instead of on every request (planning cost 4× the execution here).
 */
const DASHBOARD_SQL = `
  SELECT
    (SELECT g.access FROM grants g
      WHERE g.line_id = l.id AND g.login_id = $2 AND g.revoked_at IS NULL
        AND (g.expires_at IS NULL OR g.expires_at > $3)
      ORDER BY g.access = 'full' DESC LIMIT 1) AS grant_access,
    l.id, l.kind, l.msisdn, l.contract_number, l.status, l.next_fee_at,
    c.display_name AS owner_name,
    la.balance, a.credit_limit, a.low_balance_threshold,
    t.id AS tariff_id, t.code AS tariff_code, t.name_ru AS tariff_name_ru, t.name_en AS tariff_name_en,
    t.fee AS tariff_fee, t.fee_period AS tariff_fee_period,
    COALESCE((SELECT sum(o.fee) FROM line_options lo JOIN options o ON o.id = lo.option_id
      WHERE lo.line_id = l.id AND o.fee_period = t.fee_period), 0)::bigint AS options_fee,
    COALESCE((SELECT json_agg(json_build_object(
        'id', b.id, 'kind', b.kind, 'total', b.total::text, 'used', b.used::text, 'period_end', b.period_end,
        'name_ru', p.name_ru, 'name_en', p.name_en) ORDER BY b.kind, p.name_ru)
      FROM buckets b JOIN package_templates p ON p.id = b.package_template_id
      WHERE b.line_id = l.id AND b.period_start <= $3 AND (b.period_end IS NULL OR b.period_end > $3)
    ), '[]') AS buckets
  FROM lines l
  JOIN billing_accounts a ON a.id = l.account_id
  JOIN ledger_accounts la ON la.id = a.ledger_account_id
  JOIN customers c ON c.id = a.customer_id
  JOIN tariffs t ON t.id = l.tariff_id
  WHERE l.id = $1`;

export async function loadDashboardRow(pool: pg.Pool, lineId: string, loginId: string, now: Date) {
  const result = await pool.query<DashboardRow>({
    name: 'lines.dashboard.v1',
    text: DASHBOARD_SQL,
    values: [lineId, loginId, now],
  });
  return result.rows[0];
}
