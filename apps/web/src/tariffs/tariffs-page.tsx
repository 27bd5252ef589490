import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { ChangeResult, ChangeWhen, TariffOffer, TariffSort } from '../api/catalog-types';
import { getCurrentTariff, getTariffOffers } from '../api/plans-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { CurrentTariffCard } from './current-tariff-card';
import { changeDoneMessage } from './done-message';
import { TariffChangeDialog } from './tariff-change-dialog';
import { TariffOfferCard } from './tariff-offer-card';
import '../catalog/catalog.css';

const SORTS: TariffSort[] = ['price', 'data', 'minutes'];

/** /tariffs: the current tariff (PLAN-01), the others on offer (PLAN-02) and changing to one (PLAN-03). */
export default function TariffsPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <LinePage me={me} title={t.tariffs.title} testId="tariffs-page">
      {(line, allowed) => <TariffsView key={line.id} lineId={line.id} allowed={allowed} />}
    </LinePage>
  );
}

function TariffsView({ lineId, allowed }: { lineId: string; allowed: boolean }) {
  const { t, lang } = useLang();
  const tt = t.tariffs;
  const [sort, setSort] = useState<TariffSort>('price');
  const current = useLineData(lineId, '', getCurrentTariff);
  const offers = useLineData(lineId, sort, (id, signal) => getTariffOffers(id, sort, signal));
  const [chosen, setChosen] = useState<TariffOffer | null>(null);
  // The picker and the builder come back here with what they did (router state: gone on reload).
  const location = useLocation();
  const arrived = (location.state as { done?: unknown } | null)?.done;
  const [done, setDone] = useState<string | null>(typeof arrived === 'string' ? arrived : null);
  useSessionGuard(current.state.status === 'error' ? current.state.error : null);

  function onDone(result: ChangeResult, when: ChangeWhen, offer: TariffOffer) {
    const nextFeeAt = current.state.status === 'ready' ? current.state.data.nextFeeAt : null;
    setDone(changeDoneMessage(t, { result, when, name: offer.name[lang], reconfigure: false, nextFeeAt }));
    setChosen(null);
    current.reload();
    offers.reload();
  }

  return (
    <>
      <div className="form-error-region" aria-live="polite">
        {done && (
          <p className="success-note" data-testid="change-done">
            {done}
          </p>
        )}
      </div>
      {current.state.status === 'loading' ? (
        <LoadingState />
      ) : current.state.status === 'error' ? (
        <ErrorState error={current.state.error} onRetry={current.reload} />
      ) : (
        <CurrentTariffCard
          tariff={current.state.data}
          lineId={lineId}
          canChange={allowed}
          onCancelled={() => {
            setDone(tt.cancelled);
            current.reload();
          }}
        />
      )}

      <Link to="/tariffs/picker" className="card sim-link" data-testid="picker-link">
        <span>
          <span className="sim-link-title">{t.tariffTools.pickerLink}</span>
          <span className="hint">{t.tariffTools.pickerLinkHint}</span>
        </span>
        <span aria-hidden="true">→</span>
      </Link>

      <section className="catalog-section" aria-labelledby="tariff-catalog-title">
        <div className="section-head">
          <h2 id="tariff-catalog-title">{tt.catalog}</h2>
          <label className="inline-field">
            <span>{tt.sort}</span>
            <select
              value={sort}
              onChange={(event) => setSort(event.target.value as TariffSort)}
              data-testid="tariff-sort"
            >
              {SORTS.map((value) => (
                <option key={value} value={value}>
                  {tt.sorts[value]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {offers.state.status === 'loading' ? (
          <LoadingState />
        ) : offers.state.status === 'error' ? (
          <ErrorState error={offers.state.error} onRetry={offers.reload} />
        ) : offers.state.data.length === 0 ? (
          <p className="card state">{tt.noOffers}</p>
        ) : (
          <ul className="offer-list">
            {offers.state.data.map((offer) => (
              <TariffOfferCard key={offer.id} offer={offer} canChange={allowed} onChoose={setChosen} />
            ))}
          </ul>
        )}
      </section>

      {chosen && current.state.status === 'ready' && (
        <TariffChangeDialog
          lineId={lineId}
          offer={chosen}
          current={current.state.data}
          onDone={(result, when) => onDone(result, when, chosen)}
          onClose={() => setChosen(null)}
        />
      )}
    </>
  );
}
