import type { LineKind } from '../api/types';
import { formatMsisdn } from '../format/phone';
import type { Dictionary } from '../i18n/ru';

/** How a line is named to its user: the number if it has one, else the contract, else its kind. */
export function lineLabel(
  t: Dictionary,
  line: { kind: LineKind; msisdn: string | null; contractNumber: string | null },
): string {
  if (line.msisdn) return formatMsisdn(line.msisdn);
  if (line.contractNumber) return t.dashboard.contract(line.contractNumber);
  return t.dashboard.kind[line.kind];
}
