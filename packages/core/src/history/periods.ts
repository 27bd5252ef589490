/** SVC-10: a tariff or an option on a line for a period [from, to); `to` null while it still is. */
export interface ServicePeriod {
  kind: 'tariff' | 'option';
  /** The tariff or option id. */
  itemId: string;
  from: Date;
  to: Date | null;
}

/** What a line had at one instant: its tariff (null before the line existed) and its options. */
export interface ServiceState {
  tariffId: string | null;
  optionIds: string[];
}

/** One entry of the history list: something came onto the line or went off it. */
export interface ServiceChange {
  at: Date;
  kind: 'tariff' | 'option';
  /** `on` when the tariff or option started, `off` when it ended. */
  change: 'on' | 'off';
  itemId: string;
}

const covers = (p: ServicePeriod, at: Date) =>
  p.from.getTime() <= at.getTime() && (p.to === null || p.to.getTime() > at.getTime());

/**
 * The line's tariff and options at `at`, from its periods. Periods are half-open, so at the instant of a tariff
 * change the new tariff counts; options come out sorted, so two states compare by value.
 */
export function stateAt(periods: readonly ServicePeriod[], at: Date): ServiceState {
  const live = periods.filter((p) => covers(p, at));
  const tariff = live
    .filter((p) => p.kind === 'tariff')
    .sort((a, b) => b.from.getTime() - a.from.getTime())[0];
  const optionIds = [...new Set(live.filter((p) => p.kind === 'option').map((p) => p.itemId))].sort();
  return { tariffId: tariff?.itemId ?? null, optionIds };
}

/**
 * The changes the periods describe (given oldest first, as stored), newest first: each start is an `on`, each
 * end an `off`. At one instant the later-stored change is the newer one, so a tariff change lists the new
 * tariff's `on` above the old one's `off`, and an option connected together with a line's first tariff above it.
 */
export function changesOf(periods: readonly ServicePeriod[]): ServiceChange[] {
  const changes: Array<ServiceChange & { order: number }> = [];
  for (const p of periods) {
    changes.push({ at: p.from, kind: p.kind, change: 'on', itemId: p.itemId, order: changes.length });
    if (p.to)
      changes.push({ at: p.to, kind: p.kind, change: 'off', itemId: p.itemId, order: changes.length });
  }
  return changes
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.order - a.order)
    .map(({ order: _order, ...c }) => c);
}
