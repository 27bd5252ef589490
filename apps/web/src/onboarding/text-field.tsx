import type { HTMLInputTypeAttribute } from 'react';
import { FieldMessages } from '../forms/field-messages';
import { useT } from '../i18n/i18n-context';
import { fieldWords } from './onboarding-errors';

/** A labelled input of the join forms with its hint and the server's words about it, read out with the field. */
export function TextField({
  id,
  field,
  label,
  hint,
  value,
  onChange,
  error,
  type = 'text',
  autoComplete,
  inputMode,
  min,
  max,
}: {
  id: string;
  /** The API field it sends, to pick its errors out of a `validation_failed` answer. */
  field: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error: unknown;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: 'tel' | 'numeric' | 'email' | 'text';
  min?: string;
  max?: string;
}) {
  const t = useT();
  const messages = fieldWords(t, error, field);
  const described = [hint ? `${id}-hint` : '', messages.length > 0 ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={field}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={min}
        max={max}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={messages.length > 0}
        aria-describedby={described || undefined}
        data-testid={`field-${field}`}
        required
      />
      <FieldMessages id={`${id}-error`} messages={messages} />
    </div>
  );
}
