import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type {
  ChangeResult,
  ChangeWhen,
  CurrentTariff,
  PickerFocus,
  PickerProposal,
  PickerSurvey,
} from '../api/catalog-types';
import { getCurrentTariff, pickTariffs } from '../api/plans-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { ActionError } from '../catalog/action-error';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { CHOICE_FIELDS } from './choice-price';
import { changeDoneMessage } from './done-message';
import { ProposalCard } from './proposal-card';
import { TariffChangeDialog } from './tariff-change-dialog';
import '../catalog/catalog.css';
import './tariff-tools.css';

const MAXIMUM: Record<PickerFocus, number> = { minutes: 100_000, gigabytes: 10_000, messages: 100_000 };

/**
 * /tariffs/picker (PLAN-04): a three-question survey — what is used most and how much of each a month — and the
 * tariffs on offer that fit it best, each with why; choosing one leads into the PLAN-03 change (a configurable
 * one first into its builder, set to the proposed amounts).
 */
export default function PickerPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <LinePage
      me={me}
      title={t.tariffTools.pickerTitle}
      intro={t.tariffTools.pickerIntro}
      testId="tariff-picker-page"
    >
      {(line, allowed) => <PickerView key={line.id} lineId={line.id} allowed={allowed} />}
    </LinePage>
  );
}

function PickerView({ lineId, allowed }: { lineId: string; allowed: boolean }) {
  const { t, lang } = useLang();
  const tools = t.tariffTools;
  const navigate = useNavigate();
  const current = useLineData(lineId, '', getCurrentTariff);
  const [survey, setSurvey] = useState<PickerSurvey>({
    focus: 'gigabytes',
    minutes: 300,
    gigabytes: 15,
    messages: 50,
  });
  const [asked, setAsked] = useState<PickerSurvey | null>(null);
  const [proposals, setProposals] = useState<PickerProposal[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<PickerProposal | null>(null);
  useSessionGuard(current.state.status === 'error' ? current.state.error : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setProposals(await pickTariffs(lineId, survey));
      setAsked(survey);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function choose(proposal: PickerProposal) {
    if (proposal.choice) {
      const query = new URLSearchParams({
        minutes: String(proposal.choice.minutes),
        gigabytes: String(proposal.choice.gigabytes),
        messages: String(proposal.choice.messages),
      });
      navigate(`/tariffs/builder/${encodeURIComponent(proposal.offer.id)}?${query}`);
    } else {
      setChosen(proposal);
    }
  }

  function onDone(result: ChangeResult, when: ChangeWhen, tariff: CurrentTariff, proposal: PickerProposal) {
    const name = proposal.offer.name[lang];
    const message = changeDoneMessage(t, {
      result,
      when,
      name,
      reconfigure: false,
      nextFeeAt: tariff.nextFeeAt,
    });
    navigate('/tariffs', { state: { done: message } });
  }

  return (
    <>
      <form className="card picker-form" onSubmit={submit} data-testid="picker-form" noValidate>
        <fieldset className="choice-group">
          <legend>{tools.focus}</legend>
          {CHOICE_FIELDS.map((field) => (
            <label className="choice" key={field}>
              <input
                type="radio"
                name="focus"
                value={field}
                checked={survey.focus === field}
                onChange={() => setSurvey({ ...survey, focus: field })}
                data-testid={`focus-${field}`}
              />
              <span className="choice-title">{tools.focusOptions[field]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="picker-amounts">
          <legend className="section-title">{tools.howMuch}</legend>
          {CHOICE_FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`picker-${field}`}>{tools.amountLabels[field]}</label>
              <input
                id={`picker-${field}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={MAXIMUM[field]}
                step={1}
                value={survey[field]}
                onChange={(event) => {
                  const value = Math.trunc(Number(event.target.value));
                  const clamped = Number.isFinite(value) ? Math.min(Math.max(value, 0), MAXIMUM[field]) : 0;
                  setSurvey({ ...survey, [field]: clamped });
                }}
                data-testid={`amount-${field}`}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="picker-submit">
          {busy ? tools.finding : tools.find}
        </button>
        <ActionError error={error} />
      </form>

      {proposals && asked && (
        <section className="catalog-section" aria-labelledby="picker-results-title" aria-live="polite">
          <div className="section-head">
            <h2 id="picker-results-title">{tools.results}</h2>
            <Link to="/tariffs">{tools.allTariffs}</Link>
          </div>
          {proposals.length === 0 ? (
            <p className="card state">{tools.noResults}</p>
          ) : (
            <ol className="offer-list" data-testid="proposals">
              {proposals.map((proposal, index) => (
                <ProposalCard
                  key={proposal.offer.id}
                  proposal={proposal}
                  survey={asked}
                  best={index === 0 && proposal.fits}
                  canChange={allowed}
                  onChoose={choose}
                />
              ))}
            </ol>
          )}
        </section>
      )}

      {current.state.status === 'loading' && chosen && <LoadingState />}
      {current.state.status === 'error' && chosen && (
        <ErrorState error={current.state.error} onRetry={current.reload} />
      )}
      {chosen && current.state.status === 'ready' && (
        <TariffChangeDialog
          lineId={lineId}
          offer={chosen.offer}
          current={current.state.data}
          onDone={(result, when) =>
            current.state.status === 'ready' && onDone(result, when, current.state.data, chosen)
          }
          onClose={() => setChosen(null)}
        />
      )}
    </>
  );
}
