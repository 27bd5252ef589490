import { type FormEvent, useState } from 'react';
import { passwordLogin } from '../api/access-api';
import type { IdentifierKind } from '../api/access-types';
import { useAuth } from '../auth/auth-context';
import { FieldMessages } from '../forms/field-messages';
import { PasswordInput } from '../forms/password-input';
import { fieldMessages, onlyFieldErrors } from '../i18n/error-message';
import { useT } from '../i18n/i18n-context';
import { FormError } from './form-error';
import { useLoginFlow } from './login-flow';
import { PublicComputerField } from './public-computer-field';

interface PasswordLoginProps {
  publicComputer: boolean;
  onPublicComputerChange: (value: boolean) => void;
  kind: IdentifierKind;
  onKindChange: (kind: IdentifierKind) => void;
  contract: string;
  onContractChange: (value: string) => void;
  onForgot: () => void;
}

/** ACCESS-03 / ACCESS-10: number (or contract number) and password. */
export function PasswordLogin(props: PasswordLoginProps) {
  const t = useT();
  const { signedIn } = useAuth();
  const { phone, setPhone, setSent } = useLoginFlow();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const byContract = props.kind === 'contract';
  const identifier = byContract ? props.contract : phone;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const me = await passwordLogin({
        kind: props.kind,
        identifier: identifier.trim(),
        password,
        rememberDevice: !props.publicComputer,
      });
      setSent(null);
      signedIn(me);
    } catch (failure) {
      setError(failure);
      setPassword('');
      setBusy(false);
    }
  }

  const identifierErrors = fieldMessages(t, error, 'identifier');
  const passwordErrors = fieldMessages(t, error, 'password');
  const general = onlyFieldErrors(error, 'identifier', 'password') ? null : error;

  return (
    <form className="login-form" onSubmit={submit} noValidate aria-labelledby="login-title">
      <p className="muted">{byContract ? t.passwordLogin.introContract : t.passwordLogin.intro}</p>

      <div className="checkbox-field">
        <input
          id="login-by-contract"
          type="checkbox"
          role="switch"
          checked={byContract}
          aria-checked={byContract}
          onChange={(event) => props.onKindChange(event.target.checked ? 'contract' : 'phone')}
          aria-describedby="login-by-contract-hint"
          data-testid="contract-switch"
        />
        <label htmlFor="login-by-contract">{t.passwordLogin.byContract}</label>
        <p id="login-by-contract-hint" className="hint">
          {t.passwordLogin.byContractHint}
        </p>
      </div>

      <div className="field">
        <label htmlFor="login-identifier">
          {byContract ? t.passwordLogin.contractLabel : t.login.phoneLabel}
        </label>
        <input
          id="login-identifier"
          name={byContract ? 'contract' : 'phone'}
          type={byContract ? 'text' : 'tel'}
          inputMode={byContract ? 'numeric' : 'tel'}
          autoComplete={byContract ? 'username' : 'tel'}
          placeholder={byContract ? t.passwordLogin.contractPlaceholder : t.login.phonePlaceholder}
          value={identifier}
          onChange={(event) =>
            byContract ? props.onContractChange(event.target.value) : setPhone(event.target.value)
          }
          aria-invalid={identifierErrors.length > 0}
          aria-describedby={identifierErrors.length > 0 ? 'login-identifier-error' : undefined}
          data-testid="identifier-input"
          required
        />
        <FieldMessages id="login-identifier-error" messages={identifierErrors} />
      </div>

      <div>
        <PasswordInput
          id="login-password"
          label={t.passwordLogin.passwordLabel}
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          invalid={passwordErrors.length > 0 || general !== null}
          describedBy={passwordErrors.length > 0 ? 'login-password-error' : undefined}
          testId="password-input"
        />
        <FieldMessages id="login-password-error" messages={passwordErrors} />
        <FormError error={general} />
      </div>

      <PublicComputerField
        id="login-password-public"
        checked={props.publicComputer}
        onChange={props.onPublicComputerChange}
      />

      <button
        type="submit"
        className="button button-primary button-block"
        disabled={busy}
        data-testid="password-login"
      >
        {busy ? t.passwordLogin.busy : t.passwordLogin.submit}
      </button>
      <div className="login-links">
        <button type="button" className="link-button" onClick={props.onForgot} data-testid="forgot-password">
          {t.passwordLogin.forgot}
        </button>
      </div>
    </form>
  );
}
