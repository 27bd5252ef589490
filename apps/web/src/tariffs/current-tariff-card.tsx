import { Link } from 'react-router';
import type { CurrentTariff } from '../api/catalog-types';
import { amountText, price } from '../catalog/amounts';
import { formatDate } from '../format/dates';
import { useLang } from '../i18n/i18n-context';
import { choiceText } from './choice-price';
import { PendingChange } from './pending-change';
import { RoamingTable } from './roaming-table';

/** PLAN-01: the current tariff — fee, packages, prices outside them, roaming, the next fee, a pending change. */
export function CurrentTariffCard({
  tariff,
  canChange,
  onCancelled,
  lineId,
}: {
  tariff: CurrentTariff;
  canChange: boolean;
  onCancelled: () => void;
  lineId: string;
}) {
  const { t, lang } = useLang();
  const tt = t.tariffs;
  return (
    <section
      className="card current-tariff"
      aria-labelledby="current-tariff-title"
      data-testid="current-tariff"
    >
      <h2 id="current-tariff-title" className="card-label">
        {tt.current}
      </h2>
      <div className="tariff-headline">
        <p className="tariff-name" data-testid="current-tariff-name">
          {tariff.name[lang]}
        </p>
        <p className="tariff-price" data-testid="current-tariff-fee" data-kopecks={tariff.fee}>
          {t.dashboard.fee[tariff.feePeriod](price(t, tariff.fee))}
        </p>
      </div>
      <p className="muted">{tariff.description[lang]}</p>
      {tariff.nextFeeAt && (
        <p className="hint" data-testid="next-fee">
          {tariff.nextFee !== null
            ? t.tariffTools.nextCharge(price(t, tariff.nextFee), formatDate(t.locale, tariff.nextFeeAt))
            : tt.nextFee(formatDate(t.locale, tariff.nextFeeAt))}
        </p>
      )}
      {tariff.choice && (
        <p data-testid="current-choice">
          <span className="muted">{t.tariffTools.chosen}: </span>
          <strong>{choiceText(t, tariff.choice)}</strong>
        </p>
      )}
      {tariff.configurable && canChange && (
        <Link
          to={`/tariffs/builder/${encodeURIComponent(tariff.id)}`}
          className="button button-secondary"
          aria-label={t.tariffTools.configureCurrentLabel}
          data-testid="configure-current"
        >
          {t.tariffTools.configureCurrent}
        </Link>
      )}
      {tariff.pendingChange && (
        <PendingChange
          lineId={lineId}
          pending={tariff.pendingChange}
          canChange={canChange}
          onCancelled={onCancelled}
        />
      )}

      <h3 className="section-title">{tt.included}</h3>
      {tariff.packages.length > 0 ? (
        <ul className="spec-list">
          {tariff.packages.map((pkg) => (
            <li key={`${pkg.kind}-${pkg.name.en}`}>
              <span>{pkg.name[lang]}</span>
              <span className="spec-value">
                {amountText(t, pkg.amount, pkg.unit)}
                {tt.renew[pkg.renew] && <span className="hint"> {tt.renew[pkg.renew]}</span>}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{tt.noPackages}</p>
      )}

      {tariff.rates.length > 0 && (
        <>
          <h3 className="section-title">{tt.rates}</h3>
          <ul className="spec-list">
            {tariff.rates.map((rate) => (
              <li key={rate.key}>
                <span>{rate.name[lang]}</span>
                <span className="spec-value">{tt.perUnit[rate.unit](price(t, rate.price))}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {tariff.roaming.length > 0 && (
        <>
          <h3 className="section-title">{tt.roaming}</h3>
          <RoamingTable zones={tariff.roaming} />
        </>
      )}
    </section>
  );
}
