import { Link } from 'react-router';
import type { ConfigurableSliders, TariffOffer } from '../api/catalog-types';
import { price } from '../catalog/amounts';
import { PackageChips } from '../catalog/package-chips';
import { useLang } from '../i18n/i18n-context';
import { PackageChanges } from './package-changes';

/** The cheapest a configurable tariff gets: every slider at its first step. */
function lowestFee(sliders: ConfigurableSliders): number {
  return (
    sliders.baseFee +
    [sliders.minutes, sliders.gigabytes, sliders.messages].reduce(
      (sum, steps) => sum + (steps[0]?.fee ?? 0),
      0,
    )
  );
}

/** PLAN-02: one tariff on offer — fee, packages, the transition cost and what would change. */
export function TariffOfferCard({
  offer,
  canChange,
  onChoose,
}: {
  offer: TariffOffer;
  canChange: boolean;
  onChoose: (offer: TariffOffer) => void;
}) {
  const { t, lang } = useLang();
  const tt = t.tariffs;
  const name = offer.name[lang];
  return (
    <li className="card offer-card" data-testid="tariff-offer" data-code={offer.code}>
      <div className="tariff-headline">
        <h3 className="offer-name">{name}</h3>
        <p className="tariff-price">{t.dashboard.fee[offer.feePeriod](price(t, offer.fee))}</p>
      </div>
      <p className="muted">{offer.description[lang]}</p>
      {offer.feeAtNextPeriod !== offer.fee && (
        <p className="hint" data-testid="fee-at-next-period">
          {t.tariffTools.priceFromNextPeriod(
            t.dashboard.fee[offer.feePeriod](price(t, offer.feeAtNextPeriod)),
          )}
        </p>
      )}
      <PackageChips packages={offer.packages} />
      <p
        className={offer.transitionFee > 0 ? 'status-pill pill-warning' : 'status-pill pill-success'}
        data-testid="transition-fee"
      >
        {offer.transitionFee > 0 ? tt.transitionFee(price(t, offer.transitionFee)) : tt.transitionFree}
      </p>
      {offer.changes.length > 0 && (
        <details className="disclosure">
          <summary>{tt.whatChanges}</summary>
          <PackageChanges changes={offer.changes} />
          {offer.disconnectsOptions && offer.disconnectsOptions.length > 0 && (
            <p className="hint">
              {tt.disconnectsOptions(offer.disconnectsOptions.map((o) => `«${o.name[lang]}»`).join(', '))}
            </p>
          )}
        </details>
      )}
      {offer.configurable && (
        <p className="hint" data-testid="configurable-from">
          {t.tariffTools.fromPrice(price(t, lowestFee(offer.configurable)))}
        </p>
      )}
      {canChange && offer.configurable && (
        <Link
          to={`/tariffs/builder/${encodeURIComponent(offer.id)}`}
          className="button button-secondary"
          aria-label={t.tariffTools.configureOfferLabel(name)}
          data-testid="configure-tariff"
        >
          {t.tariffTools.configureOffer}
        </Link>
      )}
      {canChange && !offer.configurable && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onChoose(offer)}
          aria-label={tt.chooseLabel(name)}
          data-testid="choose-tariff"
        >
          {tt.choose}
        </button>
      )}
    </li>
  );
}
