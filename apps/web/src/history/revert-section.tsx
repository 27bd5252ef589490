import { type FormEvent, useId, useState } from 'react';
import { getRevertPlan, type RevertPlan, revertToDate } from '../api/history-api';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import { useT } from '../i18n/i18n-context';
import { dayText } from './day-text';
import { HistoryError } from './history-error';
import { RevertPlanView } from './revert-plan-view';

/**
 * SVC-10 "return to how it was on date X": a day is chosen, the plan (tariff, options, every fee, what does
 * not come back) is shown in a confirmation, and confirming applies exactly that plan once: the key is made
 * when the dialog opens, so a double click or a retry charges once.
 */
export function RevertSection({
  lineId,
  since,
  today,
  onDone,
}: {
  lineId: string;
  since: string;
  today: string;
  onDone: (date: string) => void;
}) {
  const t = useT();
  const h = t.history;
  const inputId = useId();
  const [date, setDate] = useState(today);
  const [plan, setPlan] = useState<RevertPlan | null>(null);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function show(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setPlan(await getRevertPlan(lineId, date));
      setKey(newIdempotencyKey());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      await revertToDate(lineId, plan.date, plan.fingerprint, key);
      setPlan(null);
      onDone(plan.date);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-block" aria-labelledby="revert-title" data-testid="revert-section">
      <h2 id="revert-title">{h.revertTitle}</h2>
      <p className="muted">{h.revertHint}</p>
      <form className="revert-form" onSubmit={show}>
        <div className="field">
          <label htmlFor={inputId}>{h.date}</label>
          <input
            id={inputId}
            type="date"
            min={since}
            max={today}
            value={date}
            required
            onChange={(event) => setDate(event.target.value)}
            data-testid="revert-date"
          />
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || !date}
          data-testid="revert-show"
        >
          {busy && !plan ? h.loading : h.show}
        </button>
      </form>
      {!plan && <HistoryError error={error} />}
      {plan && (
        <ConfirmDialog
          title={h.planTitle(dayText(t.locale, plan.date))}
          confirmLabel={h.confirm}
          busyLabel={h.working}
          busy={busy}
          confirmDisabled={plan.empty}
          onConfirm={apply}
          onClose={() => {
            setPlan(null);
            setError(null);
          }}
          testId="revert-dialog"
        >
          <RevertPlanView plan={plan} />
          <HistoryError error={error} />
        </ConfirmDialog>
      )}
    </section>
  );
}
