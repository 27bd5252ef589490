import type { Dashboard } from '../api/types';
import { formatMoney } from '../format/money';
import { useLang } from '../i18n/i18n-context';

/** The tariff's name and what it costs per day or month. */
export function TariffCard({ tariff }: { tariff: Dashboard['tariff'] }) {
  const { t, lang } = useLang();
  return (
    <section className="card tariff-card" aria-labelledby="tariff-title">
      <h2 id="tariff-title" className="card-label">
        {t.dashboard.tariff}
      </h2>
      {tariff ? (
        <>
          <p className="tariff-name" data-testid="tariff-name">
            {tariff.name[lang]}
          </p>
          <p className="tariff-fee">
            {t.dashboard.fee[tariff.feePeriod](formatMoney(t.locale, tariff.fee, { trimWhole: true }))}
          </p>
        </>
      ) : (
        <p className="tariff-name muted" data-testid="tariff-name">
          {t.dashboard.noTariff}
        </p>
      )}
    </section>
  );
}
