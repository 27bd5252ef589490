import type { WarningCode } from '../api/types';
import { useT } from '../i18n/i18n-context';

const DANGER: ReadonlySet<WarningCode> = new Set([
  'blocked',
  'blocked_debt',
  'blocked_inactivity',
  'negative_balance',
]);

/** Low balance, negative balance, funds out, a block and its reason: banners above everything else. */
export function WarningBanners({ warnings }: { warnings: Array<{ code: WarningCode }> }) {
  const t = useT();
  // A code this build does not know yet is skipped rather than shown raw.
  const known = warnings.filter(({ code }) => Object.hasOwn(t.dashboard.warnings, code));
  if (known.length === 0) return null;
  return (
    <ul className="banners" aria-label={t.dashboard.warningsTitle}>
      {known.map(({ code }) => (
        <li
          key={code}
          data-warning={code}
          className={`banner ${DANGER.has(code) ? 'banner-danger' : 'banner-warning'}`}
        >
          <span className="banner-icon" aria-hidden="true">
            !
          </span>
          <span>{t.dashboard.warnings[code]}</span>
        </li>
      ))}
    </ul>
  );
}
