import type { IncludedPackage } from '../api/catalog-types';
import { useLang } from '../i18n/i18n-context';
import { amountText } from './amounts';

/** A tariff's or option's packages as pills: "500 мин", "30 ГБ", "100 SMS"; the full name on hover. */
export function PackageChips({ packages }: { packages: IncludedPackage[] }) {
  const { t, lang } = useLang();
  if (packages.length === 0) return null;
  return (
    <ul className="pills">
      {packages.map((pkg) => (
        <li key={`${pkg.kind}-${pkg.name.en}`} className={`pill pill-${pkg.kind}`} title={pkg.name[lang]}>
          {amountText(t, pkg.amount, pkg.unit)}
        </li>
      ))}
    </ul>
  );
}
