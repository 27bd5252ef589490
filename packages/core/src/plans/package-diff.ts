import { DISPLAY_UNIT, type DisplayUnit, type PackageKind, toDisplayUnits } from '../packages.ts';

/** One package of a product, in network units (seconds, messages, bytes). */
export interface PackageAmount {
  kind: PackageKind;
  amount: bigint;
}

/** How one kind of package changes: the amount now and after, in display units; null where there is none. */
export interface PackageChange {
  kind: PackageKind;
  now: number | null;
  after: number | null;
  unit: DisplayUnit;
}

const KINDS: readonly PackageKind[] = ['voice', 'sms', 'data'];

function totals(packages: readonly PackageAmount[]): Map<PackageKind, bigint> {
  const sums = new Map<PackageKind, bigint>();
  for (const p of packages) sums.set(p.kind, (sums.get(p.kind) ?? 0n) + p.amount);
  return sums;
}

/**
 * PLAN-02 "what changes": the packages of the current tariff against a candidate's, per kind (voice, SMS,
 * data, in that order), several packages of one kind summed. Kinds neither tariff has are left out.
 */
export function packageChanges(
  now: readonly PackageAmount[],
  after: readonly PackageAmount[],
): PackageChange[] {
  const before = totals(now);
  const next = totals(after);
  return KINDS.filter((kind) => before.has(kind) || next.has(kind)).map((kind) => {
    const a = before.get(kind);
    const b = next.get(kind);
    return {
      kind,
      now: a === undefined ? null : toDisplayUnits(kind, a),
      after: b === undefined ? null : toDisplayUnits(kind, b),
      unit: DISPLAY_UNIT[kind],
    };
  });
}
