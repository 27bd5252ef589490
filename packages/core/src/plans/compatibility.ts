/** The compatibility rules of an option, as the catalog states them (by codes, which survive reloads). */
export interface OptionRule {
  code: string;
  /** Tariff codes the option may be connected on; empty means any. */
  requiresTariffs: readonly string[];
  /** Option codes it cannot be connected together with (the rule holds in both directions). */
  excludesOptions: readonly string[];
}

/** Why an option cannot be connected: the tariffs it needs, or the connected options that exclude it. */
export type Incompatibility =
  | { code: 'requires_tariff'; tariffs: string[] }
  | { code: 'excludes_option'; options: string[] };

/**
 * SVC-02: whether `option` can be connected on a line with tariff `tariffCode` and the `connected` options.
 * The tariff requirement is checked first (switching off options would not help); an exclusion stated on
 * either side counts. Returns null when compatible.
 */
export function checkCompatibility(
  option: OptionRule,
  tariffCode: string,
  connected: readonly OptionRule[],
): Incompatibility | null {
  if (option.requiresTariffs.length > 0 && !option.requiresTariffs.includes(tariffCode)) {
    return { code: 'requires_tariff', tariffs: [...option.requiresTariffs] };
  }
  const clashes = connected
    .filter((other) => other.code !== option.code)
    .filter(
      (other) => option.excludesOptions.includes(other.code) || other.excludesOptions.includes(option.code),
    )
    .map((other) => other.code);
  return clashes.length > 0 ? { code: 'excludes_option', options: clashes } : null;
}
