import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldMessages } from './field-messages';

interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'aria-invalid'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** The field's error in the user's language (from the server's field error or the form's own check). */
  error?: string | undefined;
  testId?: string;
}

/**
 * A labelled text input with its hint and its error, wired for screen readers: `aria-invalid` while it has an
 * error, `aria-describedby` naming the hint and the error. The money forms (top-up, voucher, transfer) share it.
 */
export function TextField({ id, label, value, onChange, hint, error, testId, ...input }: TextFieldProps) {
  const describedBy = hint ? `${id}-hint ${id}-error` : `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldMessages id={`${id}-error`} messages={error ? [error] : []} />
    </div>
  );
}
