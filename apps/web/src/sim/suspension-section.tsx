import { useState } from 'react';
import { resume, suspend } from '../api/sim-api';
import type { Suspension, SuspensionRules } from '../api/sim-types';
import { price } from '../catalog/amounts';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import type { Worded } from '../catalog/worded';
import { FieldMessages } from '../forms/field-messages';
import { useT } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import type { Resource } from '../lib/use-resource';
import { SimError, SimReadOnly } from './sim-error';
import { onlyField, simFieldMessages } from './sim-errors';
import { dateInSentence, suspensionEnd } from './suspension-end';

function rulesText(t: Dictionary, rules: SuspensionRules): string {
  const s = t.sim.suspension;
  return rules.feePerDay > 0
    ? s.rules(rules.freeDays, price(t, rules.feePerDay), rules.maxDays)
    : s.rulesFree(rules.maxDays);
}

function feeText(t: Dictionary, rules: SuspensionRules, days: number): string {
  const paidDays = Math.max(0, days - rules.freeDays);
  if (paidDays === 0 || rules.feePerDay === 0) return t.sim.suspension.feeFree;
  return t.sim.suspension.feePaid(
    rules.freeDays,
    paidDays,
    price(t, rules.feePerDay),
    price(t, paidDays * rules.feePerDay),
  );
}

/** PLAN-06: the tariff's rules, a days picker and the confirmation; the current suspension with "Resume". */
export function SuspensionSection({
  lineId,
  resource,
  canChange,
  onDone,
}: {
  lineId: string;
  resource: { state: Resource<Suspension>; reload: () => void };
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const t = useT();
  const s = t.sim.suspension;
  const [days, setDays] = useState(1);
  const [dialog, setDialog] = useState<'suspend' | 'resume' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { state, reload } = resource;
  const data = state.status === 'ready' ? state.data : null;
  const rules = data?.rules ?? null;
  const maxDays = rules?.maxDays ?? 0;
  const dayErrors = simFieldMessages(t, error, 'days', maxDays);

  function open(kind: 'suspend' | 'resume') {
    setError(null);
    setDialog(kind);
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      if (dialog === 'suspend') {
        const { current } = await suspend(lineId, days);
        onDone((t) => t.sim.suspension.suspendedDone(dateInSentence(t.locale, current.until)));
      } else {
        await resume(lineId);
        onDone((t) => t.sim.suspension.resumedDone);
      }
      setDialog(null);
    } catch (failure) {
      setError(failure);
      // A field error belongs under the picker, outside the dialog.
      if (onlyField(failure, 'days')) setDialog(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-block" aria-labelledby="suspension-title" data-testid="suspension">
      <h2 id="suspension-title">{s.title}</h2>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {data && !data.available && (
        <p className="hint" data-testid="suspension-unavailable">
          {s.notAvailable}
        </p>
      )}
      {data?.available && (
        <>
          <p className="muted">{s.hint}</p>
          {rules && (
            <p className="setting-name" data-testid="suspension-rules">
              {rulesText(t, rules)}
            </p>
          )}
          {data.current ? (
            <div className="suspension-current" data-testid="suspension-current">
              <p className="sim-note">
                {s.current(
                  dateInSentence(t.locale, data.current.from),
                  dateInSentence(t.locale, data.current.until),
                )}
              </p>
              {canChange && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => open('resume')}
                  data-testid="suspension-resume"
                >
                  {s.resume}
                </button>
              )}
            </div>
          ) : data.status !== 'active' ? (
            <p className="hint" data-testid="suspension-not-active">
              {s.notActive}
            </p>
          ) : (
            canChange &&
            rules && (
              <div className="suspension-form">
                <div className="field">
                  <label htmlFor="suspension-days">{s.days}</label>
                  <select
                    id="suspension-days"
                    value={days}
                    onChange={(event) => setDays(Number(event.target.value))}
                    aria-invalid={dayErrors.length > 0}
                    aria-describedby={dayErrors.length > 0 ? 'suspension-days-error' : undefined}
                    data-testid="suspension-days"
                  >
                    {Array.from({ length: rules.maxDays }, (_, i) => i + 1).map((n) => (
                      <option key={n} value={n}>
                        {s.daysOption(n)}
                      </option>
                    ))}
                  </select>
                  <FieldMessages id="suspension-days-error" messages={dayErrors} />
                </div>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => open('suspend')}
                  data-testid="suspension-start"
                >
                  {s.suspend}
                </button>
              </div>
            )
          )}
          {!canChange && <SimReadOnly />}
          {dialog === null && <SimError error={onlyField(error, 'days') ? null : error} />}
        </>
      )}
      {dialog && (
        <ConfirmDialog
          title={dialog === 'suspend' ? s.confirmTitle : s.resumeTitle}
          confirmLabel={dialog === 'suspend' ? s.suspend : s.resume}
          busyLabel={t.sim.working}
          busy={busy}
          onConfirm={confirm}
          onClose={() => setDialog(null)}
          testId="suspension-dialog"
        >
          {dialog === 'suspend' && rules ? (
            <>
              <p data-testid="suspension-until">{s.until(dateInSentence(t.locale, suspensionEnd(days)))}</p>
              <p data-testid="suspension-fee">{feeText(t, rules, days)}</p>
            </>
          ) : (
            <p>{s.resumeText}</p>
          )}
          <SimError error={error} />
        </ConfirmDialog>
      )}
    </section>
  );
}
