import type { ReactNode } from 'react';
import type { Me, MeLine } from '../api/types';
import { LineSwitcher } from '../dashboard/line-switcher';
import { useSelectedLine } from '../dashboard/use-selected-line';
import { useT } from '../i18n/i18n-context';
import { canChange } from './can-change';

/**
 * The frame of the tariff, services and requests pages: title, the line switcher when there are several
 * lines, the partial-access note, and the page's own content for the selected line.
 */
export function LinePage({
  me,
  title,
  intro,
  testId,
  readOnly = false,
  children,
}: {
  me: Me;
  title: string;
  intro?: string;
  testId: string;
  /** A page that changes nothing needs no partial-access note. */
  readOnly?: boolean;
  children: (line: MeLine, allowed: boolean) => ReactNode;
}) {
  const t = useT();
  const [line, selectLine] = useSelectedLine(me.lines);
  const allowed = canChange(me, line);
  return (
    <div className="catalog-page" data-testid={testId}>
      <h1>{title}</h1>
      {intro && <p className="muted">{intro}</p>}
      {me.lines.length > 1 && line && <LineSwitcher lines={me.lines} value={line.id} onChange={selectLine} />}
      {line && !allowed && !readOnly && (
        <p className="notice" role="note" data-testid="partial-access-note">
          {t.actionsCommon.partial}
        </p>
      )}
      {line ? children(line, allowed) : <p className="card state">{t.dashboard.noLines}</p>}
    </div>
  );
}
