import type { PickerProposal, PickerSurvey } from '../api/catalog-types';
import { price } from '../catalog/amounts';
import { PackageChips } from '../catalog/package-chips';
import { useLang } from '../i18n/i18n-context';
import { choiceText } from './choice-price';

/**
 * PLAN-04: one proposed tariff with why it fits — "Покрывает ваши 20 ГБ, 300 мин · 450 ₽ в месяц" (the main use
 * first), what falls short, and for a configurable tariff the amounts it would be set to.
 */
export function ProposalCard({
  proposal,
  survey,
  best,
  canChange,
  onChoose,
}: {
  proposal: PickerProposal;
  survey: PickerSurvey;
  best: boolean;
  canChange: boolean;
  onChoose: (proposal: PickerProposal) => void;
}) {
  const { t, lang } = useLang();
  const tools = t.tariffTools;
  const { offer } = proposal;
  const name = offer.name[lang];
  const mainFirst = <T extends string>(fields: T[]) =>
    [...fields].sort((a, b) => Number(b === survey.focus) - Number(a === survey.focus));
  const covers = mainFirst(proposal.covers);
  const reason = [
    covers.length > 0 ? tools.covers(choiceText(t, survey, covers)) : null,
    tools.perMonth(price(t, proposal.monthlyFee)),
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <li className="card offer-card" data-testid="proposal" data-code={offer.code} data-fits={proposal.fits}>
      <div className="tariff-headline">
        <h3 className="offer-name">{name}</h3>
        {best && <span className="status-pill pill-success">{tools.best}</span>}
      </div>
      <p className="proposal-reason" data-testid="proposal-reason">
        {reason}
      </p>
      {proposal.short.length > 0 && (
        <p className="hint" data-testid="proposal-short">
          {tools.short(choiceText(t, survey, mainFirst(proposal.short)))}
        </p>
      )}
      {proposal.choice ? (
        <p className="hint" data-testid="proposal-choice">
          {tools.setTo(choiceText(t, proposal.choice))}
        </p>
      ) : (
        <PackageChips packages={offer.packages} />
      )}
      {canChange && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onChoose(proposal)}
          aria-label={proposal.choice ? tools.configureLabel(name) : tools.chooseLabel(name)}
          data-testid="choose-proposal"
        >
          {proposal.choice ? tools.configure : tools.choose}
        </button>
      )}
    </li>
  );
}
