import { useT } from '../i18n/i18n-context';
import { FormError, LOGIN_ERROR_ID } from './form-error';

interface PhoneFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The form's error (an ApiError or a network failure), or null. */
  error: unknown;
  testId: string;
}

/** The phone number field of the login forms: any format accepted, the error read out with the field. */
export function PhoneField({ id, value, onChange, error, testId }: PhoneFieldProps) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t.login.phoneLabel}</label>
      <input
        id={id}
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        placeholder={t.login.phonePlaceholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? LOGIN_ERROR_ID : undefined}
        data-testid={testId}
        required
      />
      <FormError error={error} />
    </div>
  );
}
