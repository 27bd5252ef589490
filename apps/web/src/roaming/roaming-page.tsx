import { useState } from 'react';
import { getRoaming, getRoamingOptions } from '../api/roaming-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { RoamingPackages } from './roaming-packages';
import { RoamingSwitch } from './roaming-switch';
import { ZonePricesTable } from './zone-prices-table';
import '../catalog/catalog.css';
import '../line-settings/line-settings.css';
import './roaming.css';

/**
 * /roaming (SVC-05): the line's roaming switch with what works abroad and how the service bans narrow it, the
 * tariff's prices by zone and the travel packages (connected through the options API). A partial-access
 * session sees everything and changes nothing.
 */
export default function RoamingPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <LinePage me={me} title={t.roaming.title} intro={t.roaming.intro} testId="roaming-page">
      {(line, allowed) => <RoamingView key={line.id} lineId={line.id} allowed={allowed} />}
    </LinePage>
  );
}

function RoamingView({ lineId, allowed }: { lineId: string; allowed: boolean }) {
  const { t, lang } = useLang();
  const roaming = useLineData(lineId, 'roaming', getRoaming);
  const options = useLineData(lineId, 'roaming-options', getRoamingOptions);
  useSessionGuard(roaming.state.status === 'error' ? roaming.state.error : null);
  const [done, setDone] = useState<Worded | null>(null);

  function onDone(message: Worded) {
    setDone(() => message);
    roaming.reload();
    options.reload();
  }

  if (roaming.state.status === 'loading') return <LoadingState />;
  if (roaming.state.status === 'error')
    return <ErrorState error={roaming.state.error} onRetry={roaming.reload} />;
  const state = roaming.state.data;
  return (
    <div className="roaming-view">
      <div className="form-error-region" aria-live="polite">
        {done && (
          <p className="success-note" data-testid="change-done">
            {done(t, lang)}
          </p>
        )}
      </div>
      <RoamingSwitch lineId={lineId} state={state} canChange={allowed} onDone={onDone} />
      <ZonePricesTable zones={state.zones} />
      <RoamingPackages
        lineId={lineId}
        state={state}
        options={options.state}
        onRetry={options.reload}
        canChange={allowed}
        onDone={onDone}
      />
    </div>
  );
}
