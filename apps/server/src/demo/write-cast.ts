/**
 * Writes the cast itself — customers, their ledger and billing accounts, lines, logins, grants and connected
 * options — in a handful of multi-row inserts. Money rows come later, from the simulation.
 */
import { newId, nextMonthlyCharge, startOfNextDay } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { dayOfMonth } from './calendar.ts';
import type { CustomerPlan, LinePlan, ProductSpan } from './plan.ts';
import type { ProductIndex, ProductInfo } from './products.ts';

/** Runs `write` over `rows` in slices of `size`: one round trip per slice, well under the 65 535-parameter cap. */
export async function inChunks<R>(
  rows: R[],
  size: number,
  write: (chunk: R[]) => Promise<unknown>,
  onChunk?: (written: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await write(chunk);
    onChunk?.(chunk.length);
  }
}

type Scalar = string | number | bigint | boolean | Date | null | undefined;

/**
 * Inserts `rows` column-wise: one array parameter per column, unpacked by `unnest`. For the big tables (usage,
 * transfers) this is several times faster than a multi-row VALUES list of the same rows, whose statement text
 * and parameter list grow with every row. `columns` pairs each column with its PostgreSQL type.
 */
export async function insertColumns<R extends { [K in keyof R]: Scalar }>(
  db: Db,
  table: string,
  columns: readonly (readonly [keyof R & string, string])[],
  rows: R[],
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map(([name]) =>
    rows.map((row) => {
      const value = row[name];
      if (value === undefined || value === null) return null;
      if (value instanceof Date) return value.toISOString();
      return String(value);
    }),
  );
  const unnested = sql.join(columns.map(([, type], i) => sql`${arrays[i]}::${sql.raw(type)}[]`));
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
    SELECT * FROM unnest(${unnested})`.execute(db);
}

function nextFee(product: ProductInfo, anchorDay: number, now: Date, timeZone: string): Date | null {
  if (product.feePeriod === 'day') return startOfNextDay(now, timeZone);
  if (product.feePeriod === 'month') return nextMonthlyCharge(now, anchorDay, timeZone);
  return null;
}

function current(spans: ProductSpan[], now: Date): ProductSpan[] {
  return spans.filter(
    (s) => s.from.getTime() <= now.getTime() && (s.to === null || s.to.getTime() > now.getTime()),
  );
}

export async function writeCast(
  db: Db,
  customers: CustomerPlan[],
  products: ProductIndex,
  now: Date,
  timeZone: string,
): Promise<void> {
  const accounts = customers.flatMap((c) => c.accounts.map((a) => ({ customer: c, account: a })));
  const lines = accounts.flatMap(({ account }) => account.lines.map((line) => ({ account, line })));

  await db
    .insertInto('customers')
    .values(
      customers.map((c) => ({
        id: c.id,
        kind: c.kind,
        display_name: c.displayName,
        inn: c.inn,
        email: c.email,
        created_at: c.createdAt,
      })),
    )
    .execute();
  await db
    .insertInto('ledger_accounts')
    .values(
      accounts.map(({ account }) => ({
        id: account.ledgerAccountId,
        code: `subscriber:${account.id}`,
        kind: 'subscriber' as const,
        name: `Лицевой счёт ${account.number}`,
        created_at: account.createdAt,
      })),
    )
    .execute();
  await db
    .insertInto('billing_accounts')
    .values(
      accounts.map(({ customer, account }) => ({
        id: account.id,
        customer_id: customer.id,
        number: account.number,
        payment_type: account.paymentType,
        credit_limit: account.creditLimit,
        low_balance_threshold: account.lowBalanceThreshold,
        ledger_account_id: account.ledgerAccountId,
        created_at: account.createdAt,
      })),
    )
    .execute();
  await db
    .insertInto('lines')
    .values(
      lines.map(({ account, line }) => {
        const tariffSpan = line.tariffs.at(-1);
        const tariff = tariffSpan ? products.tariffs.get(tariffSpan.code) : undefined;
        if (!tariff) throw new Error(`Line ${line.id} has no known tariff`);
        return {
          id: line.id,
          account_id: account.id,
          kind: line.kind,
          msisdn: line.msisdn,
          contract_number: line.contractNumber,
          status: line.status,
          tariff_id: tariff.id,
          billing_anchor_day: line.anchorDay,
          next_fee_at: nextFee(tariff, line.anchorDay, now, timeZone),
          activated_at: line.activatedAt,
        };
      }),
    )
    .execute();
  const logins = customers.flatMap((c) => c.logins.map((login) => ({ customer: c, login })));
  await db
    .insertInto('logins')
    .values(
      logins.map(({ customer, login }) => ({
        id: login.id,
        kind: login.kind,
        identifier: login.identifier,
        display_name: login.displayName,
        customer_id: customer.id,
        password_hash: null,
        locale: login.locale,
        login_alerts: login.loginAlerts,
        created_at: login.createdAt,
      })),
    )
    .execute();
  const grants = logins.flatMap(({ login }) => [
    ...login.owns.map((line) => ({ login, line, role: 'owner' as const })),
    ...login.linked.map((line) => ({ login, line, role: 'linked' as const })),
  ]);
  await db
    .insertInto('grants')
    .values(
      grants.map(({ login, line, role }) => {
        const createdAt = new Date(Math.max(login.createdAt.getTime(), line.activatedAt.getTime()));
        return {
          id: newId('grant', createdAt),
          login_id: login.id,
          line_id: line.id,
          role,
          access: 'full' as const,
          created_at: createdAt,
        };
      }),
    )
    .execute();
  const lineOptions = lines.flatMap(({ line }) =>
    current(line.options, now).map((span) => {
      const option = products.options.get(span.code);
      if (!option) throw new Error(`Unknown option ${span.code}`);
      return {
        line_id: line.id,
        option_id: option.id,
        connected_at: span.from,
        // An option's monthly fee falls on the day of the month it was connected.
        next_fee_at: nextFee(option, dayOfMonth(span.from, timeZone), now, timeZone),
      };
    }),
  );
  await inChunks(lineOptions, 1000, (chunk) => db.insertInto('line_options').values(chunk).execute());
  await writeServiceHistory(
    db,
    lines.map(({ line }) => line),
    products,
    now,
  );
}

/**
 * SVC-10: the cast's tariff and option spans that have begun, as the line's service history (decisions/0011), so
 * the demo's history screen and "return to a date" have a past to show. A span ending after `now` is current.
 */
async function writeServiceHistory(db: Db, lines: LinePlan[], products: ProductIndex, now: Date) {
  const rows = lines.flatMap((line) => {
    const begun = (spans: ProductSpan[]) => spans.filter((s) => s.from.getTime() <= now.getTime());
    const end = (s: ProductSpan) => (s.to !== null && s.to.getTime() <= now.getTime() ? s.to : null);
    return [
      ...begun(line.tariffs).map((s) => ({
        line_id: line.id,
        tariff_id: products.tariffs.get(s.code)?.id ?? null,
        option_id: null,
        valid_from: s.from,
        valid_to: end(s),
      })),
      ...begun(line.options).map((s) => ({
        line_id: line.id,
        tariff_id: null,
        option_id: products.options.get(s.code)?.id ?? null,
        valid_from: s.from,
        valid_to: end(s),
      })),
    ].filter((r) => r.tariff_id !== null || r.option_id !== null);
  });
  await inChunks(rows, 1000, (chunk) => db.insertInto('line_service_periods').values(chunk).execute());
}
