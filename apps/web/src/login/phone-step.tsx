import { type FormEvent, useState } from 'react';
import { requestCode } from '../api/api-client';
import { useT } from '../i18n/i18n-context';
import { toSentCode, useLoginFlow } from './login-flow';
import { PhoneField } from './phone-field';
import { PublicComputerField } from './public-computer-field';

interface PhoneStepProps {
  publicComputer: boolean;
  onPublicComputerChange: (value: boolean) => void;
}

/** Step 1: the number (any format: the server normalises it) and the "someone else's computer" choice. */
export function PhoneStep({ publicComputer, onPublicComputerChange }: PhoneStepProps) {
  const t = useT();
  const { phone, setPhone, setSent } = useLoginFlow();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setSent(toSentCode(await requestCode(phone.trim())));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="login-form" onSubmit={submit} noValidate aria-labelledby="login-title">
      <p className="muted">{t.login.phoneIntro}</p>

      <PhoneField id="login-phone" value={phone} onChange={setPhone} error={error} testId="phone-input" />

      <PublicComputerField
        id="login-public-computer"
        checked={publicComputer}
        onChange={onPublicComputerChange}
      />

      <button
        type="submit"
        className="button button-primary button-block"
        disabled={busy}
        data-testid="send-code"
      >
        {busy ? t.login.sending : t.login.sendCode}
      </button>
    </form>
  );
}
