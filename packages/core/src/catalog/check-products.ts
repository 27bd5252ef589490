/** Rules for one tariff or option on its own: packages, price changes, the configurable-tariff fee. */
import { configurableFee, defaultChoice } from './configurable.ts';
import type { ReportIssue } from './issues.ts';
import type { CatalogOption, CatalogPackage, CatalogTariff, PriceChange } from './types.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day `YYYY-MM-DD` (not 2027-02-30). */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Packages hold something, and no two of one product share kind and renewal (the loader matches by both). */
export function checkPackages(
  packages: readonly CatalogPackage[],
  path: string,
  periodic: boolean,
  report: ReportIssue,
): void {
  const seen = new Map<string, number>();
  for (const [i, p] of packages.entries()) {
    const at = `${path}[${i}]`;
    if (p.amount <= 0n) report(at, 'a package must hold a positive amount');
    if (p.renew === 'fee_period' && !periodic) {
      report(`${at}.renew`, 'fee_period needs a periodic fee; use once for a one-off package');
    }
    const key = `${p.kind}|${p.renew}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report(at, `a second ${p.kind} package renewed by ${p.renew} (the first is ${path}[${first}])`);
    } else seen.set(key, i);
  }
}

/** Price changes come in order of their days, one per day, each a real day that changes something. */
export function checkPriceChanges(changes: readonly PriceChange[], path: string, report: ReportIssue): void {
  let previous: string | null = null;
  for (const [i, c] of changes.entries()) {
    const at = `${path}[${i}]`;
    if (!isCalendarDay(c.from)) {
      report(`${at}.from`, 'must be a calendar day YYYY-MM-DD');
      continue;
    }
    if (previous !== null && c.from <= previous) {
      report(`${at}.from`, `must come after ${previous}: list price changes in date order, one per day`);
    }
    if (c.fee === null && c.connectFee === null) report(at, 'changes nothing: give fee or connect_fee');
    previous = c.from;
  }
}

/** The fee of a configurable tariff is what the builder would ask for its own packages. */
export function checkConfigurable(tariff: CatalogTariff, path: string, report: ReportIssue): void {
  const c = tariff.rates.configurable;
  if (!c) return;
  if (tariff.feePeriod !== 'month') report(`${path}.fee_period`, 'a configurable tariff is monthly');
  if (tariff.priceChanges.length > 0) {
    report(`${path}.price_changes`, 'a configurable tariff changes price through rates.configurable');
  }
  const steps = {
    voice: c.voice.map((s) => s.minutes),
    data: c.data.map((s) => s.gigabytes),
    sms: c.sms.map((s) => s.messages),
  };
  for (const [kind, amounts] of Object.entries(steps)) {
    if (amounts.some((a, i) => i > 0 && a <= (amounts[i - 1] ?? 0))) {
      report(`${path}.rates.configurable.${kind}`, 'steps must grow: list them from the smallest amount');
    }
  }
  // A choice resizes the tariff's package of each kind, so a kind the subscriber may take needs one to resize,
  // even when its default step is 0 (a missing package of a kind without a 0 step fails the fee check below).
  for (const [kind, amounts] of Object.entries(steps)) {
    const optional = amounts.includes(0) && amounts.some((a) => a > 0);
    if (optional && !tariff.packages.some((p) => p.kind === kind)) {
      report(`${path}.packages`, `a configurable tariff needs a ${kind} package: its steps go above 0`);
    }
  }
  const fee = configurableFee(c, defaultChoice(tariff.packages));
  if (fee === null) {
    report(`${path}.packages`, 'the packages must be one step of each kind of rates.configurable');
  } else if (fee !== tariff.fee) {
    report(
      `${path}.fee`,
      `a configurable tariff's fee must be ${fee}: base_fee plus the steps of its packages`,
    );
  }
}

/** Billing steps of at least one unit: a zero step would divide by zero in the rater. */
export function checkTariff(tariff: CatalogTariff, path: string, report: ReportIssue): void {
  checkPackages(tariff.packages, `${path}.packages`, true, report);
  checkPriceChanges(tariff.priceChanges, `${path}.price_changes`, report);
  for (const [i, c] of tariff.priceChanges.entries()) {
    if (c.connectFee !== null)
      report(`${path}.price_changes[${i}].connect_fee`, 'a tariff has no connection fee');
  }
  if (tariff.rates.voice_increment_sec === 0)
    report(`${path}.rates.voice_increment_sec`, 'must be at least 1');
  if (tariff.rates.data_increment_kb === 0) report(`${path}.rates.data_increment_kb`, 'must be at least 1');
  const suspension = tariff.rates.suspension;
  if (suspension && suspension.max_days < 1)
    report(`${path}.rates.suspension.max_days`, 'must be at least 1');
  checkConfigurable(tariff, path, report);
}

/** A periodic fee needs a period; content needs its STOP number. */
export function checkOption(option: CatalogOption, path: string, report: ReportIssue): void {
  const periodic = option.feePeriod !== null;
  checkPackages(option.packages, `${path}.packages`, periodic, report);
  checkPriceChanges(option.priceChanges, `${path}.price_changes`, report);
  const periodicChange = option.priceChanges.some((c) => c.fee !== null && c.fee > 0n);
  if ((option.fee > 0n || periodicChange) && !periodic) {
    report(`${path}.fee_period`, 'a periodic fee needs a period: day or month');
  }
  if (option.category === 'content' && option.shortNumber === null) {
    report(`${path}.short_number`, 'a content subscription needs the short number that answers STOP');
  }
  if (option.shortNumber !== null && !/^\d{3,6}$/.test(option.shortNumber)) {
    report(`${path}.short_number`, 'must be 3 to 6 digits');
  }
}
