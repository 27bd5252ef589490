/**
 * PLAN-04 tariff picker: ranks the tariffs a line may move to by how well they fit what the subscriber says they
 * use. Pure: the candidates come with their packages in display units and their 30-day price.
 */
import { type ConfigurableChoice, configurableFee } from '../catalog/configurable.ts';
import { CHOICE_FIELDS, type ChoiceField, choiceSteps } from '../catalog/configurable-choice.ts';
import type { ConfigurableRates } from '../catalog/types.ts';

/** What the subscriber uses most, and how much of each a month (minutes, gigabytes, messages). */
export interface PickerSurvey extends ConfigurableChoice {
  focus: ChoiceField;
}

/** A tariff on offer as the picker sees it. */
export interface PickerCandidate {
  id: string;
  /** Monthly amounts of its packages: minutes, gigabytes (may be fractional), messages. */
  amounts: ConfigurableChoice;
  /** The price over 30 days now, kopecks (daily fee × 30). */
  monthlyFee: bigint;
  /** Set for a configurable tariff: the picker chooses its slider positions too. */
  configurable?: ConfigurableRates | null;
}

/** One proposal: the tariff, the amounts it gives (for a configurable one, the choice), what it covers. */
export interface PickerProposal {
  id: string;
  amounts: ConfigurableChoice;
  /** For a configurable tariff, the cheapest slider positions that cover the survey; else null. */
  choice: ConfigurableChoice | null;
  monthlyFee: bigint;
  /** The survey's amounts this tariff covers, in field order. */
  covers: ChoiceField[];
  /** The survey's amounts it falls short of, in field order. */
  short: ChoiceField[];
}

/** How far a tariff falls short, each kind as a share of what was asked (0 = covered, 1 = none of it). */
function shortfall(amounts: ConfigurableChoice, survey: ConfigurableChoice, field: ChoiceField): number {
  const need = survey[field];
  if (need <= 0 || amounts[field] >= need) return 0;
  return (need - amounts[field]) / need;
}

/**
 * The cheapest choice of a configurable tariff covering the survey: per kind the smallest step at or above the
 * need, else the largest step (the best it can do, reported as short).
 */
export function cheapestCovering(rates: ConfigurableRates, survey: ConfigurableChoice): ConfigurableChoice {
  const steps = choiceSteps(rates);
  const pick = (field: ChoiceField) => {
    const allowed = steps[field];
    return allowed.find((a) => a >= survey[field]) ?? allowed.at(-1) ?? 0;
  };
  return { minutes: pick('minutes'), gigabytes: pick('gigabytes'), messages: pick('messages') };
}

function propose(candidate: PickerCandidate, survey: PickerSurvey): PickerProposal {
  let amounts = candidate.amounts;
  let choice: ConfigurableChoice | null = null;
  let monthlyFee = candidate.monthlyFee;
  if (candidate.configurable) {
    choice = cheapestCovering(candidate.configurable, survey);
    amounts = choice;
    monthlyFee = configurableFee(candidate.configurable, choice) ?? candidate.monthlyFee;
  }
  const covered = (f: ChoiceField) => shortfall(amounts, survey, f) === 0;
  return {
    id: candidate.id,
    amounts,
    choice,
    monthlyFee,
    covers: CHOICE_FIELDS.filter((f) => survey[f] > 0 && covered(f)),
    short: CHOICE_FIELDS.filter((f) => !covered(f)),
  };
}

/**
 * PLAN-04: the candidates ranked by fit, best first. A tariff covering everything asked beats one that does
 * not; among those that cover, the cheapest wins (paying for what one does not use is no fit). Among those
 * that fall short, the one closest on the subscriber's main use comes first, then the one closest overall, then
 * the cheaper. Ties keep the candidates' order. Returns at most `limit`.
 */
export function rankTariffs(
  candidates: readonly PickerCandidate[],
  survey: PickerSurvey,
  limit = 3,
): PickerProposal[] {
  const scored = candidates.map((c, index) => {
    const proposal = propose(c, survey);
    const focusGap = shortfall(proposal.amounts, survey, survey.focus);
    const totalGap = CHOICE_FIELDS.reduce((sum, f) => sum + shortfall(proposal.amounts, survey, f), 0);
    return { proposal, focusGap, totalGap, index };
  });
  scored.sort((a, b) => {
    const aFits = a.totalGap === 0 ? 0 : 1;
    const bFits = b.totalGap === 0 ? 0 : 1;
    if (aFits !== bFits) return aFits - bFits;
    if (aFits === 1) {
      if (a.focusGap !== b.focusGap) return a.focusGap - b.focusGap;
      if (a.totalGap !== b.totalGap) return a.totalGap - b.totalGap;
    }
    const price = a.proposal.monthlyFee - b.proposal.monthlyFee;
    if (price !== 0n) return price < 0n ? -1 : 1;
    return a.index - b.index;
  });
  return scored.slice(0, limit).map((s) => s.proposal);
}
