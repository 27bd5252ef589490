import { useState } from 'react';
import { ApiError } from '../api/api-client';
import { type PromisedState, takePromised } from '../api/promised-api';
import { ActionError } from '../catalog/action-error';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { useT } from '../i18n/i18n-context';

/**
 * The amounts on offer, each with its fee and the date it is debited back; choosing one opens a confirmation
 * whose `Idempotency-Key` is made when it opens, so a double click or a retry takes one promised payment.
 */
export function PromisedOffer({
  lineId,
  state,
  canTake,
  onTaken,
  onRefused,
}: {
  lineId: string;
  state: PromisedState;
  canTake: boolean;
  onTaken: (amount: number, dueAt: string) => void;
  /** Refused meanwhile (another channel took one): the page loads the reasons again. */
  onRefused: () => void;
}) {
  const t = useT();
  const [chosen, setChosen] = useState<{ amount: number; fee: number; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const money = (kopecks: number) => formatMoney(t.locale, kopecks, { trimWhole: true });
  const due = formatDateTime(t.locale, state.dueAt);

  async function take() {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const taken = await takePromised(lineId, chosen.amount, chosen.key);
      setChosen(null);
      onTaken(taken.promisedPayment.amount, taken.promisedPayment.dueAt);
    } catch (failure) {
      setChosen(null);
      if (failure instanceof ApiError && failure.code === 'promised_not_eligible') onRefused();
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card promised-offer" aria-labelledby="promised-choose-title">
      <h2 id="promised-choose-title">{t.promised.chooseTitle}</h2>
      <ul className="promised-options">
        {state.options.map((option) => (
          <li key={option.amount} data-testid="promised-option" data-amount={option.amount}>
            <span className="promised-option-amount">{money(option.amount)}</span>
            <span className="muted">
              {option.fee > 0 ? t.promised.fee(money(option.fee)) : t.promised.free}
            </span>
            <span className="muted">{t.promised.dueOn(due)}</span>
            <button
              type="button"
              className="button button-primary"
              disabled={!canTake || busy}
              onClick={() => {
                setError(null);
                setChosen({ ...option, key: newIdempotencyKey() });
              }}
              data-testid="promised-take"
            >
              {t.promised.take}
            </button>
          </li>
        ))}
      </ul>
      <ActionError error={error} />
      {chosen && (
        <ConfirmDialog
          title={t.promised.confirmTitle(money(chosen.amount))}
          confirmLabel={t.promised.confirm}
          busyLabel={t.promised.taking}
          busy={busy}
          onConfirm={take}
          onClose={() => setChosen(null)}
          testId="promised-confirm"
        >
          <p>{t.promised.confirmCredit(money(chosen.amount))}</p>
          {chosen.fee > 0 && <p>{t.promised.confirmFee(money(chosen.fee))}</p>}
          <p>{t.promised.confirmDue(money(chosen.amount), due)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
