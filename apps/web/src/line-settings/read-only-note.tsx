import { useT } from '../i18n/i18n-context';

/** Where a partial-access session would see controls: why there are none. */
export function ReadOnlyNote() {
  const t = useT();
  return (
    <p className="hint read-only-note" data-testid="settings-read-only">
      {t.lineSettings.partial}
    </p>
  );
}
