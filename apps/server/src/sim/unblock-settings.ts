import type { Db } from '@kabinet/db';

/** SVC-09: how the operator lets a lost SIM be unblocked (table `sim_unblock_settings`, one row). */
export interface UnblockSettings {
  mode: 'self_service' | 'office';
  codeTtlSeconds: number;
  /** Wrong codes that burn a code. */
  maxAttempts: number;
  /** Codes one line may be sent in 24 hours. */
  codesPerDay: number;
}

const DEFAULTS: UnblockSettings = { mode: 'office', codeTtlSeconds: 600, maxAttempts: 5, codesPerDay: 5 };

/** The operator's unblock settings; office only when the row is missing (the safe side). */
export async function loadUnblockSettings(db: Db): Promise<UnblockSettings> {
  const row = await db.selectFrom('sim_unblock_settings').selectAll().executeTakeFirst();
  if (!row) return DEFAULTS;
  return {
    mode: row.mode,
    codeTtlSeconds: row.code_ttl_seconds,
    maxAttempts: row.max_attempts,
    codesPerDay: row.codes_per_day,
  };
}

/**
 * The contact an unblock code may go to: the login's recovery phone, bound by a full session with a notice
 * (ACCESS-11), and never the blocked number itself — whoever holds the lost SIM would get the code.
 */
export async function unblockContactOf(
  db: Db,
  loginId: string,
  msisdn: string | null,
): Promise<string | null> {
  const login = await db
    .selectFrom('logins')
    .select('recovery_phone')
    .where('id', '=', loginId)
    .executeTakeFirst();
  const phone = login?.recovery_phone ?? null;
  return phone && phone !== msisdn ? phone : null;
}

/** "+7 ••• •••-••-89": enough for the owner to recognise the number, not enough to learn it. */
export function maskPhone(msisdn: string): string {
  return `${msisdn.slice(0, 2)} ••• •••-••-${msisdn.slice(-2)}`;
}

/** A change of the unblock settings; absent fields stay. */
export interface UnblockSettingsChange {
  mode?: string;
  codeTtlSeconds?: number;
  maxAttempts?: number;
  codesPerDay?: number;
}

/** Limits of each setting (the table's CHECKs), so a bad value is named before the database refuses it. */
const LIMITS = { codeTtlSeconds: [60, 3600], maxAttempts: [1, 10], codesPerDay: [1, 20] } as const;

/**
 * SVC-09: the operator changes how lost SIMs are unblocked (`kabinet sim-unblock set`). Every invalid field is
 * listed and nothing changes; returns the settings as they are after the change.
 */
export async function saveUnblockSettings(db: Db, change: UnblockSettingsChange): Promise<UnblockSettings> {
  const errors: string[] = [];
  if (change.mode !== undefined && change.mode !== 'self_service' && change.mode !== 'office')
    errors.push('mode must be self_service or office');
  for (const [field, [min, max]] of Object.entries(LIMITS) as Array<
    [keyof typeof LIMITS, readonly [number, number]]
  >) {
    const value = change[field];
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max))
      errors.push(`${field} must be an integer ${min}..${max}`);
  }
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  const current = await loadUnblockSettings(db);
  const next = { ...current, ...change } as UnblockSettings;
  await db
    .insertInto('sim_unblock_settings')
    .values({
      id: true,
      mode: next.mode,
      code_ttl_seconds: next.codeTtlSeconds,
      max_attempts: next.maxAttempts,
      codes_per_day: next.codesPerDay,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        mode: next.mode,
        code_ttl_seconds: next.codeTtlSeconds,
        max_attempts: next.maxAttempts,
        codes_per_day: next.codesPerDay,
      }),
    )
    .execute();
  return next;
}
