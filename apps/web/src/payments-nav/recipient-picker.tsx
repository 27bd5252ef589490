import type { Me } from '../api/types';
import { TextField } from '../forms/text-field';
import { LineSelect } from './line-select';
import './recipient-picker.css';

export type RecipientMode = 'own' | 'other';

interface RecipientPickerProps {
  /** Prefix of ids and test ids: `top-up` → `top-up-own`, `top-up-line`, `top-up-number`. */
  idPrefix: string;
  words: {
    whom: string;
    ownLine: string;
    otherNumber: string;
    line: string;
    number: string;
    numberHint: string;
  };
  lines: Me['lines'];
  mode: RecipientMode;
  onMode: (mode: RecipientMode) => void;
  lineId: string;
  onLineId: (lineId: string) => void;
  number: string;
  onNumber: (number: string) => void;
  /** The server's or the form's error about the number. */
  error?: string | undefined;
}

/**
 * "Whose balance?" of the money forms (PAY-01/02 card top-up, PAY-03 voucher): one of the user's own lines, or
 * any other number typed in any notation. Without own lines only the other number is offered.
 */
export function RecipientPicker(props: RecipientPickerProps) {
  const { idPrefix: id, words: w, lines, mode } = props;
  return (
    <>
      <fieldset className="recipient-whom">
        <legend>{w.whom}</legend>
        <div className="segmented" role="radiogroup">
          {lines.length > 0 && (
            <label className="segmented-item" data-checked={mode === 'own'} data-testid={`${id}-own`}>
              <input
                type="radio"
                name={`${id}-whom`}
                className="visually-hidden"
                checked={mode === 'own'}
                onChange={() => props.onMode('own')}
              />
              {w.ownLine}
            </label>
          )}
          <label className="segmented-item" data-checked={mode === 'other'} data-testid={`${id}-other`}>
            <input
              type="radio"
              name={`${id}-whom`}
              className="visually-hidden"
              checked={mode === 'other'}
              onChange={() => props.onMode('other')}
            />
            {w.otherNumber}
          </label>
        </div>
      </fieldset>
      {mode === 'own' ? (
        <LineSelect
          id={`${id}-line`}
          label={w.line}
          lines={lines}
          value={props.lineId}
          onChange={props.onLineId}
        />
      ) : (
        <TextField
          id={`${id}-number`}
          label={w.number}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={props.number}
          onChange={props.onNumber}
          hint={w.numberHint}
          error={props.error}
          testId={`${id}-number`}
        />
      )}
    </>
  );
}
