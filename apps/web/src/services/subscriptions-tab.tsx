import { useState } from 'react';
import type { ContentSubscription } from '../api/catalog-types';
import { getSubscriptions, unsubscribe, unsubscribeAll } from '../api/services-api';
import { useSessionGuard } from '../auth/use-session-guard';
import { ActionError } from '../catalog/action-error';
import { periodicFee } from '../catalog/amounts';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { formatDate } from '../format/dates';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';

/** What the confirmation is about: one subscription or all of them. */
type Pending = { target: ContentSubscription | 'all' };

/** SVC-03: paid content subscriptions, with "Отписаться" for each and "Отписаться от всех". */
export function SubscriptionsTab({
  lineId,
  canChange,
  onDone,
}: {
  lineId: string;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const { t, lang } = useLang();
  const s = t.services;
  const { state, reload } = useLineData(lineId, 'subscriptions', getSubscriptions);
  useSessionGuard(state.status === 'error' ? state.error : null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  function open(target: Pending['target']) {
    setError(null);
    setPending({ target });
  }

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      if (pending.target === 'all') {
        const result = await unsubscribeAll(lineId);
        onDone((t) => t.services.unsubscribedAll(result.unsubscribed));
      } else {
        await unsubscribe(lineId, pending.target.id);
        const { name } = pending.target;
        onDone((t, lang) => t.services.unsubscribed(name[lang]));
      }
      setPending(null);
      reload();
    } catch (failure) {
      setError(failure);
      // The list may be stale (ended from another device, by SMS "STOP"): show what is true now.
      reload();
    } finally {
      setBusy(false);
    }
  }

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const subscriptions = state.data;

  return (
    <div className="subscriptions" data-testid="subscriptions">
      <p className="muted">{s.contentIntro}</p>
      {subscriptions.length === 0 ? (
        <p className="card state" data-testid="subscriptions-empty">
          {s.noSubscriptions}
        </p>
      ) : (
        <>
          <ul className="option-list">
            {subscriptions.map((item) => (
              <li key={item.id} className="card option-card" data-testid="subscription" data-code={item.code}>
                <h3 className="offer-name">{item.name[lang]}</h3>
                <ul className="fee-pills">
                  <li className="status-pill pill-warning">
                    {periodicFee(t, item.fee, item.feePeriod) ?? s.noPeriodicFee}
                  </li>
                  {item.shortNumber && <li className="status-pill">{s.shortNumber(item.shortNumber)}</li>}
                </ul>
                <p className="hint">{s.connectedSince(formatDate(t.locale, item.connectedAt))}</p>
                {canChange && (
                  <button
                    type="button"
                    className="button button-ghost"
                    onClick={() => open(item)}
                    aria-label={s.actionLabel(s.unsubscribe, item.name[lang])}
                    data-testid="unsubscribe"
                  >
                    {s.unsubscribe}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {canChange && subscriptions.length > 1 && (
            <button
              type="button"
              className="button button-secondary unsubscribe-all"
              onClick={() => open('all')}
              data-testid="unsubscribe-all"
            >
              {s.unsubscribeAll}
            </button>
          )}
        </>
      )}
      {pending && (
        <ConfirmDialog
          title={
            pending.target === 'all' ? s.unsubscribeAllTitle : s.unsubscribeTitle(pending.target.name[lang])
          }
          confirmLabel={pending.target === 'all' ? s.unsubscribeAll : s.unsubscribe}
          busyLabel={s.working}
          busy={busy}
          onConfirm={confirm}
          onClose={() => setPending(null)}
          testId="unsubscribe-dialog"
        >
          <p>{pending.target === 'all' ? s.unsubscribeAllText(subscriptions.length) : s.unsubscribeText}</p>
          <ActionError error={error} />
        </ConfirmDialog>
      )}
    </div>
  );
}
