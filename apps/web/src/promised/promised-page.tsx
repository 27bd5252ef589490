import { useState } from 'react';
import { getPromised, type PromisedState } from '../api/promised-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { PaymentsTabs } from '../payments-nav/payments-tabs';
import { PromisedOffer } from './promised-offer';
import '../catalog/catalog.css';
import './promised.css';

/**
 * /pay/promised (PAY-05): whether a promised payment can be taken and why not, the amounts with their fees and
 * the date they are debited back, taking one after a confirmation, and the unpaid one with its due date. A
 * partial-access session sees everything and takes nothing.
 */
export default function PromisedPaymentPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <div className="page">
      <PaymentsTabs />
      <LinePage me={me} title={t.promised.title} testId="promised-page">
        {(line, allowed) => <PromisedView key={line.id} lineId={line.id} allowed={allowed} />}
      </LinePage>
    </div>
  );
}

function PromisedView({ lineId, allowed }: { lineId: string; allowed: boolean }) {
  const { t, lang } = useLang();
  const promised = useLineData(lineId, 'promised', getPromised);
  useSessionGuard(promised.state.status === 'error' ? promised.state.error : null);
  const [done, setDone] = useState<Worded | null>(null);

  if (promised.state.status === 'loading') return <LoadingState />;
  if (promised.state.status === 'error')
    return <ErrorState error={promised.state.error} onRetry={promised.reload} />;
  const state = promised.state.data;
  const money = (kopecks: number) => formatMoney(t.locale, kopecks, { trimWhole: true });
  return (
    <div className="promised-view" data-testid="promised-view" data-eligible={String(state.eligible)}>
      <p className="muted">{t.promised.intro(state.termDays)}</p>
      <div className="form-error-region" aria-live="polite">
        {done && (
          <p className="success-note" data-testid="promised-done">
            {done(t, lang)}
          </p>
        )}
      </div>
      <p className="promised-balance" data-testid="promised-balance">
        {t.promised.balance(money(state.balance))}
      </p>
      {state.active ? (
        <section
          className="card promised-active"
          data-testid="promised-active"
          aria-labelledby="promised-active-title"
        >
          <h2 id="promised-active-title">{t.promised.activeTitle}</h2>
          <p data-testid="promised-active-amount">{t.promised.activeAmount(money(state.active.amount))}</p>
          <p data-testid="promised-active-due">
            <strong>{t.promised.activeDue(formatDateTime(t.locale, state.active.dueAt))}</strong>
          </p>
          <p className="muted">{t.promised.activeHint}</p>
        </section>
      ) : state.eligible ? (
        <PromisedOffer
          lineId={lineId}
          state={state}
          canTake={allowed}
          onTaken={(amount, dueAt) => {
            const message: Worded = (tt) =>
              tt.promised.done(
                formatMoney(tt.locale, amount, { trimWhole: true }),
                formatDateTime(tt.locale, dueAt),
              );
            setDone(() => message);
            promised.reload();
          }}
          onRefused={promised.reload}
        />
      ) : (
        <Refusals state={state} />
      )}
    </div>
  );
}

function Refusals({ state }: { state: PromisedState }) {
  const { t } = useLang();
  const facts = {
    tenureDays: state.tenureDays,
    minTenureDays: state.minTenureDays,
    average: formatMoney(t.locale, state.averageTopUps, { trimWhole: true }),
    needed: formatMoney(t.locale, state.minAverageTopUps, { trimWhole: true }),
  };
  return (
    <section
      className="card promised-unavailable"
      data-testid="promised-unavailable"
      aria-labelledby="promised-no-title"
    >
      <h2 id="promised-no-title">{t.promised.unavailableTitle}</h2>
      <ul>
        {state.refusals.map((code) => (
          <li key={code} data-testid="promised-refusal" data-code={code}>
            {t.promised.refusals[code](facts)}
          </li>
        ))}
      </ul>
    </section>
  );
}
