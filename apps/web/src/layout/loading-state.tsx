import { useT } from '../i18n/i18n-context';

/** A neutral placeholder while the first answer is on its way. */
export function LoadingState() {
  const t = useT();
  return (
    <div className="state" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <span>{t.common.loading}</span>
    </div>
  );
}
