import { useState } from 'react';
import { ApiError } from '../api/api-client';
import { type PostpaidState, type TrustRefusal, takeTrustPayment } from '../api/statements-api';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import type { Worded } from '../catalog/worded';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { errorMessage } from '../i18n/error-message';
import { useLang } from '../i18n/i18n-context';

/** The server's refusal codes, as the rules name them. */
const REFUSAL_OF_CODE: Record<string, TrustRefusal> = {
  not_postpaid: 'not_postpaid',
  trust_payment_active: 'already_active',
  trust_payment_used_this_month: 'used_this_month',
  invoice_overdue: 'overdue_invoice',
};

/**
 * PAY-10 trust payment: what it is, the raise on offer (or why none), and taking it after a confirmation with
 * one Idempotency-Key per opened dialog, so a double click or a retry raises the limit once.
 */
export function TrustPayment({
  lineId,
  state,
  canTake,
  onTaken,
}: {
  lineId: string;
  state: PostpaidState['trustPayment'];
  canTake: boolean;
  onTaken: (message: Worded) => void;
}) {
  const { t } = useLang();
  const w = t.statements.invoices;
  const [intent, setIntent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const money = (k: number) => formatMoney(t.locale, k, { trimWhole: true });

  async function confirm(key: string) {
    setBusy(true);
    setError(null);
    try {
      const taken = await takeTrustPayment(lineId, key);
      setIntent(null);
      onTaken((tt) =>
        tt.statements.invoices.trustDone(
          formatMoney(tt.locale, taken.amount, { trimWhole: true }),
          formatDateTime(tt.locale, taken.expiresAt),
        ),
      );
    } catch (e) {
      setIntent(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const refusal = error instanceof ApiError ? REFUSAL_OF_CODE[error.code] : undefined;
  const offer = state.offer;
  return (
    <section className="card statements-card" aria-labelledby="trust-title" data-testid="trust-payment">
      <h2 id="trust-title">{w.trustTitle}</h2>
      <p className="muted">{w.trustIntro(state.durationDays)}</p>
      {state.active ? (
        <p className="success-note" data-testid="trust-active">
          {w.trustActive(money(state.active.amount), formatDateTime(t.locale, state.active.expiresAt))}
        </p>
      ) : offer.allowed && offer.amount !== null && offer.expiresAt ? (
        <>
          <p data-testid="trust-offer">
            {w.trustOffer(money(offer.amount), formatDateTime(t.locale, offer.expiresAt))}
          </p>
          <button
            type="button"
            className="button"
            disabled={!canTake}
            onClick={() => setIntent(newIdempotencyKey())}
            data-testid="trust-take"
          >
            {w.trustTake}
          </button>
        </>
      ) : (
        offer.reason && (
          <p className="notice" data-testid="trust-refused" data-reason={offer.reason}>
            {w.trustRefusals[offer.reason]}
          </p>
        )
      )}
      <div className="form-error-region" aria-live="assertive">
        {error !== null && (
          <p className="action-error" data-testid="trust-error">
            {refusal ? w.trustRefusals[refusal] : errorMessage(t, error)}
          </p>
        )}
      </div>
      {intent && offer.amount !== null && offer.expiresAt && (
        <ConfirmDialog
          title={w.trustTitle}
          confirmLabel={w.trustYes}
          busyLabel={w.trustBusy}
          busy={busy}
          onConfirm={() => void confirm(intent)}
          onClose={() => setIntent(null)}
          testId="trust-dialog"
        >
          <p>{w.trustConfirm(money(offer.amount), formatDateTime(t.locale, offer.expiresAt))}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
