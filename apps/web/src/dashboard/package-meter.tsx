import type { PackageRemainder } from '../api/types';
import { formatDate } from '../format/dates';
import { quantityPair, toQuantity } from '../format/units';
import { useLang } from '../i18n/i18n-context';

/** Below this share left, the bar turns to the warning colour. */
const LOW_SHARE = 0.1;

/** One package: "осталось 312 из 500 мин", a bar of what is left, and when it refills. */
export function PackageMeter({ pkg }: { pkg: PackageRemainder }) {
  const { t, lang } = useLang();
  const name = pkg.name[lang];
  const pair = quantityPair(
    t.units,
    toQuantity(t.locale, pkg.remaining, pkg.unit),
    toQuantity(t.locale, pkg.total, pkg.unit),
  );
  const text = t.dashboard.remainingOf(pair.part, pair.whole);
  const share = pkg.total > 0 ? Math.min(1, Math.max(0, pkg.remaining / pkg.total)) : 0;

  return (
    <li className="package" data-testid={`package-${pkg.kind}`}>
      <div className="package-head">
        <span className="package-name">{name}</span>
        <span className="package-left">{text}</span>
      </div>
      <div
        className={share < LOW_SHARE ? 'meter is-low' : 'meter'}
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={pkg.total}
        aria-valuenow={Math.max(0, pkg.remaining)}
        aria-valuetext={text}
      >
        <span className="meter-fill" style={{ width: `${share * 100}%` }} />
      </div>
      {pkg.renewsAt && <p className="hint">{t.dashboard.renews(formatDate(t.locale, pkg.renewsAt))}</p>}
    </li>
  );
}
