import type { AccessLevel, FeePeriod, LineKind, LineStatus, PackageKindColumn } from '@kabinet/db';
import type pg from 'pg';

export interface DashboardRow {
  grant_access: AccessLevel | null;
  id: string;
  kind: LineKind;
  msisdn: string | null;
  contract_number: string | null;
  status: LineStatus;
  /** Why a blocked or suspended line is so (RATE-04 `debt`, PLAN-07 `inactivity`, SVC-09 `lost` …). */
  block_reason: string | null;
  /** RATE-04: funds below the floor since then (the grace before the block runs); null when fine. */
  out_of_funds_since: Date | null;
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
  /** PLAN-05/OPS-03: what the tariff and option fees are made of, priced by plans/dashboard-fees.ts. */
  tariff_configurable: unknown;
  tariff_choice: { minutes: number; gigabytes: number; messages: number } | null;
  tariff_price_changes: Array<{ from: string; fee: string }> | null;
  /** Sum of the base periodic fees of the connected options in the tariff's fee period. */
  options_fee: bigint;
  /** Price changes of those options, one entry per change (null when none has any). */
  option_price_changes: Array<{ option: string; base: string; from: string; fee: string }> | null;
  /** PAY-05: the account's promised payment not yet debited back (kopecks as text), null when none. */
  promised_payment: { amount: string; fee: string; due_at: string } | null;
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
    l.id, l.kind, l.msisdn, l.contract_number, l.status, l.block_reason, l.next_fee_at,
    (SELECT s.out_of_funds_since FROM account_funds_state s WHERE s.account_id = a.id) AS out_of_funds_since,
    c.display_name AS owner_name,
    la.balance, a.credit_limit, a.low_balance_threshold,
    t.id AS tariff_id, t.code AS tariff_code, t.name_ru AS tariff_name_ru, t.name_en AS tariff_name_en,
    t.fee AS tariff_fee, t.fee_period AS tariff_fee_period,
    CASE WHEN t.rates ? 'configurable' THEN t.rates->'configurable' END AS tariff_configurable,
    (SELECT json_build_object('minutes', ch.minutes, 'gigabytes', ch.gigabytes, 'messages', ch.messages)
      FROM line_tariff_choices ch WHERE ch.line_id = l.id AND ch.tariff_id = t.id) AS tariff_choice,
    (SELECT json_agg(json_build_object('from', to_char(pc.effective_from, 'YYYY-MM-DD'), 'fee', pc.fee::text))
      FROM catalog_price_changes pc WHERE pc.tariff_id = t.id AND pc.fee IS NOT NULL) AS tariff_price_changes,
    COALESCE((SELECT sum(o.fee) FROM line_options lo JOIN options o ON o.id = lo.option_id
      WHERE lo.line_id = l.id AND o.fee_period = t.fee_period), 0)::bigint AS options_fee,
    -- Only the connected options that have price changes: most have none, and then this is one cheap probe.
    (SELECT json_agg(json_build_object('option', o.id, 'base', o.fee::text,
        'from', to_char(pc.effective_from, 'YYYY-MM-DD'), 'fee', pc.fee::text))
      FROM line_options lo JOIN options o ON o.id = lo.option_id
      JOIN catalog_price_changes pc ON pc.option_id = o.id AND pc.fee IS NOT NULL
      WHERE lo.line_id = l.id AND o.fee_period = t.fee_period) AS option_price_changes,
    -- PAY-05: at most one unpaid promised payment per account (a unique partial index): one index probe.
    (SELECT json_build_object('amount', pp.amount::text, 'fee', pp.fee::text, 'due_at', pp.due_at)
      FROM promised_payments pp WHERE pp.account_id = a.id AND pp.status = 'active') AS promised_payment,
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
    name: 'lines.dashboard.v4',
    text: DASHBOARD_SQL,
    values: [lineId, loginId, now],
  });
  return result.rows[0];
}
