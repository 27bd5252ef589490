import type { PackageChange } from '../api/catalog-types';
import { amountText } from '../catalog/amounts';
import { useT } from '../i18n/i18n-context';

/** "What changes": each package kind now → after the switch, marked up or down. */
export function PackageChanges({ changes }: { changes: PackageChange[] }) {
  const t = useT();
  const tt = t.tariffs;
  const text = (value: number | null, unit: PackageChange['unit']) =>
    value === null || value === 0 ? tt.nothing : amountText(t, value, unit);
  return (
    <ul className="changes" data-testid="tariff-changes">
      {changes.map((change) => {
        const now = change.now ?? 0;
        const after = change.after ?? 0;
        const trend = after > now ? 'up' : after < now ? 'down' : 'same';
        return (
          <li key={change.kind} className={`change change-${trend}`} data-kind={change.kind}>
            <span className="change-kind">{tt.kinds[change.kind]}</span>
            <span className="change-values">
              <span>{text(change.now, change.unit)}</span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> — </span>
              <strong>{text(change.after, change.unit)}</strong>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
