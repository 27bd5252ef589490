import type { PackageRemainder } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { PackageMeter } from './package-meter';

/** What is left of the tariff's and options' minutes, SMS and data. */
export function PackagesCard({ packages }: { packages: PackageRemainder[] }) {
  const t = useT();
  return (
    <section className="card packages-card" aria-labelledby="packages-title">
      <h2 id="packages-title" className="card-label">
        {t.dashboard.packages}
      </h2>
      {packages.length > 0 ? (
        <ul className="packages">
          {packages.map((pkg) => (
            <PackageMeter key={pkg.id} pkg={pkg} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t.dashboard.noPackages}</p>
      )}
    </section>
  );
}
