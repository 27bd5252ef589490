import type { MeLine } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { lineLabel } from './line-label';

/** A select between the lines of this login; shown only when there is more than one. */
export function LineSwitcher({
  lines,
  value,
  onChange,
}: {
  lines: MeLine[];
  value: string;
  onChange: (lineId: string) => void;
}) {
  const t = useT();
  return (
    <div className="line-switcher">
      <label htmlFor="line-switcher">{t.dashboard.lineSwitcher}</label>
      <select
        id="line-switcher"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="line-switcher"
      >
        {lines.map((line) => (
          <option key={line.id} value={line.id}>
            {line.kind === 'mobile'
              ? lineLabel(t, line)
              : `${t.dashboard.kind[line.kind]} · ${lineLabel(t, line)}`}
          </option>
        ))}
      </select>
    </div>
  );
}
