import { useState } from 'react';
import { getAutopay } from '../api/autopay-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { formatMoney } from '../format/money';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { PaymentsTabs } from '../payments-nav/payments-tabs';
import { AutopayForm } from './autopay-form';
import { AutopayRules } from './autopay-rules';
import { LowBalanceSection } from './low-balance-section';
import { SavedCardsSection } from './saved-cards-section';
import '../catalog/catalog.css';
import './autopay.css';

/**
 * /pay/autopay (PAY-04, PAY-09): the saved cards, a form for a new autopay rule (by threshold or monthly), the
 * current rules with their state, last and next run and why one failed or paused, and the low-balance notice
 * threshold. A partial-access session sees everything and changes nothing.
 */
export default function AutopayPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <div className="page">
      <PaymentsTabs />
      <LinePage me={me} title={t.autopay.title} intro={t.autopay.intro} testId="autopay-page">
        {(line, allowed) => <AutopayView key={line.id} lineId={line.id} allowed={allowed} />}
      </LinePage>
    </div>
  );
}

function AutopayView({ lineId, allowed }: { lineId: string; allowed: boolean }) {
  const { t, lang } = useLang();
  const overview = useLineData(lineId, 'autopay', getAutopay);
  useSessionGuard(overview.state.status === 'error' ? overview.state.error : null);
  const [done, setDone] = useState<Worded | null>(null);

  if (overview.state.status === 'loading') return <LoadingState />;
  if (overview.state.status === 'error')
    return <ErrorState error={overview.state.error} onRetry={overview.reload} />;
  const state = overview.state.data;
  const onDone = (message: Worded) => {
    setDone(() => message);
    overview.reload();
  };
  return (
    <div className="autopay-view" data-testid="autopay-view">
      {state.acquirerTest && (
        <p className="notice autopay-test" role="note" data-testid="autopay-test">
          {t.autopay.test}
        </p>
      )}
      <div className="form-error-region" aria-live="polite">
        {done && (
          <p className="success-note" data-testid="autopay-done">
            {done(t, lang)}
          </p>
        )}
      </div>
      <p className="autopay-balance" data-testid="autopay-balance">
        {t.autopay.balance(formatMoney(t.locale, state.balance))}
      </p>
      <SavedCardsSection lineId={lineId} cards={state.cards} canChange={allowed} onDone={onDone} />
      {state.cards.length > 0 && (
        <AutopayForm
          key={state.cards.map((c) => c.id).join()}
          lineId={lineId}
          cards={state.cards}
          canChange={allowed}
          onCreated={onDone}
        />
      )}
      <AutopayRules lineId={lineId} rules={state.autopays} canChange={allowed} onDone={onDone} />
      <LowBalanceSection
        lineId={lineId}
        threshold={state.lowBalanceThreshold}
        canChange={allowed}
        onDone={onDone}
      />
    </div>
  );
}
