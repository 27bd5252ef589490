import { useState } from 'react';
import { getSim, getSuspension } from '../api/sim-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { EsimSection } from './esim-section';
import { LostSimSection } from './lost-sim-section';
import { ReplacementSection } from './replacement-section';
import { SimCards } from './sim-cards';
import { SuspensionSection } from './suspension-section';
import '../catalog/catalog.css';
import '../line-settings/line-settings.css';
import './sim.css';

/**
 * /sim: a lost or stolen SIM blocked at once (SVC-09), voluntary suspension (PLAN-06), a replacement SIM and
 * an eSIM with its QR code (SVC-09). A partial-access session sees the state, no controls.
 */
export default function SimPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <LinePage me={me} title={t.sim.title} intro={t.sim.intro} testId="sim-page">
      {(line, allowed) => <SimView key={line.id} lineId={line.id} allowed={allowed} />}
    </LinePage>
  );
}

function SimView({ lineId, allowed }: { lineId: string; allowed: boolean }) {
  const { t, lang } = useLang();
  const sim = useLineData(lineId, 'sim', getSim);
  const suspension = useLineData(lineId, 'suspension', getSuspension);
  useSessionGuard(sim.state.status === 'error' ? sim.state.error : null);
  const [done, setDone] = useState<Worded | null>(null);

  /** A change went through: say so and show what is true now (a block also ends a suspension's offer). */
  function onDone(message: Worded) {
    setDone(() => message);
    sim.reload();
    suspension.reload();
  }

  const state = sim.state.status === 'ready' ? sim.state.data : null;
  const status = state?.status ?? (suspension.state.status === 'ready' ? suspension.state.data.status : null);

  return (
    <div className="sim-view">
      <div className="form-error-region" aria-live="polite">
        {done && (
          <p className="success-note" data-testid="change-done">
            {done(t, lang)}
          </p>
        )}
      </div>
      {status && (
        <p className={`sim-status sim-status-${status}`} data-testid="sim-status" data-status={status}>
          {t.sim.status[status] ?? status}
        </p>
      )}
      {sim.state.status === 'loading' && <LoadingState />}
      {sim.state.status === 'error' && <ErrorState error={sim.state.error} onRetry={sim.reload} />}
      {state && <LostSimSection lineId={lineId} sim={state} canChange={allowed} onDone={onDone} />}
      <SuspensionSection lineId={lineId} resource={suspension} canChange={allowed} onDone={onDone} />
      {state && (
        <>
          <ReplacementSection lineId={lineId} sim={state} canChange={allowed} onDone={onDone} />
          <EsimSection lineId={lineId} sim={state} canChange={allowed} onDone={onDone} />
          {state.cards.length > 0 && <SimCards cards={state.cards} />}
        </>
      )}
    </div>
  );
}
