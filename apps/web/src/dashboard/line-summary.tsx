import type { Dashboard } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { lineLabel } from './line-label';

/** Whose line this is: the number (or contract), the owner's name and the line's state. */
export function LineSummary({ line, partial }: { line: Dashboard['line']; partial: boolean }) {
  const t = useT();
  return (
    <section className="line-summary" aria-label={t.dashboard.kind[line.kind]}>
      <p className="line-number">{lineLabel(t, line)}</p>
      <p className="line-owner">{line.ownerName}</p>
      <p className="chips">
        <span className={`chip chip-${line.status}`}>{t.dashboard.status[line.status]}</span>
        {line.kind !== 'mobile' && <span className="chip">{t.dashboard.kind[line.kind]}</span>}
        {partial && <span className="chip">{t.dashboard.partialAccess}</span>}
      </p>
    </section>
  );
}
