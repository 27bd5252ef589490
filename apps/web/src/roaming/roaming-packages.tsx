import { useState } from 'react';
import type { LineOptions } from '../api/catalog-types';
import type { RoamingState } from '../api/roaming-api';
import type { Worded } from '../catalog/worded';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import type { Resource } from '../lib/use-resource';
import { OptionCard } from '../services/option-card';
import { OptionDialog } from '../services/option-dialog';
import { type ListedOption, listOptions } from '../services/option-filter';

/**
 * SVC-05 travel packages: the options of the `roaming` category, shown and connected exactly as on the services
 * page (same card, same confirmation with its idempotency key), with the zones each one covers.
 */
export function RoamingPackages({
  lineId,
  state,
  options,
  onRetry,
  canChange,
  onDone,
}: {
  lineId: string;
  state: RoamingState;
  options: Resource<LineOptions>;
  onRetry: () => void;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const { t, lang } = useLang();
  const r = t.roaming;
  const [chosen, setChosen] = useState<ListedOption | null>(null);
  const zoneNames = new Map(state.zones.map((zone) => [zone.code, zone.name[lang]]));
  const zonesOf = new Map(state.packages.map((p) => [p.optionId, p.zones]));
  const listed = options.status === 'ready' ? listOptions(options.data, 'all') : [];
  return (
    <section
      className="card settings-block"
      aria-labelledby="roaming-packages-title"
      data-testid="roaming-packages"
    >
      <h2 id="roaming-packages-title">{r.packagesTitle}</h2>
      <p className="muted">{r.packagesIntro}</p>
      {!state.enabled && (
        <p className="notice" role="note" data-testid="roaming-off-note">
          {r.offNote}
        </p>
      )}
      {options.status === 'loading' && <LoadingState />}
      {options.status === 'error' && <ErrorState error={options.error} onRetry={onRetry} />}
      {options.status === 'ready' && listed.length === 0 && <p className="hint">{r.noPackages}</p>}
      {listed.map((option) => {
        const zones = (zonesOf.get(option.id) ?? []).map((code) => zoneNames.get(code) ?? code);
        // The card is the services page's own list item; each sits in a list of one so the zones follow it.
        return (
          <div key={option.id} className="roaming-package">
            <ul className="option-list">
              <OptionCard option={option} canChange={canChange} onAction={setChosen} />
            </ul>
            {zones.length > 0 && <p className="hint package-zones">{r.packageZones(zones.join(', '))}</p>}
          </div>
        );
      })}
      {chosen && (
        <OptionDialog
          lineId={lineId}
          option={chosen}
          onClose={() => setChosen(null)}
          onDone={(message) => {
            setChosen(null);
            onDone(message);
          }}
        />
      )}
    </section>
  );
}
