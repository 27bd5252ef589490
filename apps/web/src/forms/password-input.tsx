import { useState } from 'react';
import { useT } from '../i18n/i18n-context';

interface PasswordInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  /** Ids of the hint and error elements that describe the field. */
  describedBy?: string;
  invalid?: boolean;
  testId: string;
}

/** A password field with an "eye" that shows what was typed (ACCESS-03). */
export function PasswordInput(props: PasswordInputProps) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <div className="password-input">
        <input
          id={props.id}
          type={visible ? 'text' : 'password'}
          autoComplete={props.autoComplete}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          aria-invalid={props.invalid === true}
          aria-describedby={props.describedBy}
          spellCheck={false}
          autoCapitalize="off"
          data-testid={props.testId}
          required
        />
        <button
          type="button"
          className="eye-toggle"
          onClick={() => setVisible(!visible)}
          aria-pressed={visible}
          aria-label={visible ? t.passwordLogin.hidePassword : t.passwordLogin.showPassword}
          title={visible ? t.passwordLogin.hidePassword : t.passwordLogin.showPassword}
          aria-controls={props.id}
          data-testid={`${props.testId}-toggle`}
        >
          <EyeIcon crossed={visible} />
        </button>
      </div>
    </div>
  );
}

function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      />
      <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="1.8" />
      {crossed && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="1.8" />}
    </svg>
  );
}
