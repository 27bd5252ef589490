import type { Me } from '../api/types';
import { lineLabel } from '../dashboard/line-label';
import { useT } from '../i18n/i18n-context';

/** A labelled select of the subscriber's lines (the money forms: whose balance, which line pays). */
export function LineSelect(props: {
  /** The select's id, also its test id. */
  id: string;
  label: string;
  lines: Me['lines'];
  value: string;
  onChange: (lineId: string) => void;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        data-testid={props.id}
      >
        {props.lines.map((line) => (
          <option key={line.id} value={line.id}>
            {lineLabel(t, line)}
          </option>
        ))}
      </select>
    </div>
  );
}
