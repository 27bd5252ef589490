import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-client';
import { confirmPortIn, type PortInCreated } from '../api/onboarding-api';
import { useLang } from '../i18n/i18n-context';
import { FormProblem } from './form-problem';
import { TextField } from './text-field';

/** SVC-13 port-in, step 2: the code texted to the number being moved proves the person holds it. */
export function PortInCode({
  created,
  onAccepted,
  onStartOver,
}: {
  created: PortInCreated;
  onAccepted: (reference: string) => void;
  onStartOver: () => void;
}) {
  const { t } = useLang();
  const p = t.onboarding.portIn;
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // An expired or exhausted code voids the order: the only way on is a new application.
  const voided = error instanceof ApiError && (error.code === 'code_expired' || error.code === 'not_found');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await confirmPortIn(created.reference, code.trim());
      onAccepted(answer.reference);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <form className="card join-form" onSubmit={submit} noValidate data-testid="port-in-code">
      <h2>{p.codeTitle}</h2>
      <p className="muted" data-testid="code-sent-to">
        {p.codeSent(created.codeSentTo)}
      </p>
      <TextField
        id="port-in-code-input"
        field="code"
        label={p.code}
        value={code}
        onChange={setCode}
        error={error}
        inputMode="numeric"
        autoComplete="one-time-code"
      />
      <FormProblem error={error} />
      {voided ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={onStartOver}
          data-testid="port-in-again"
        >
          {p.startOver}
        </button>
      ) : (
        <button type="submit" className="button button-primary" disabled={busy} data-testid="port-in-confirm">
          {busy ? p.confirming : p.confirm}
        </button>
      )}
    </form>
  );
}
