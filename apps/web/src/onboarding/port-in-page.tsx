import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { applyPortIn, getOnboardingOptions, type PortInCreated } from '../api/onboarding-api';
import { formatDate } from '../format/dates';
import { toE164 } from '../format/phone';
import { FieldMessages } from '../forms/field-messages';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useResource } from '../lib/use-resource';
import { useLoginFlow } from '../login/login-flow';
import { FormProblem } from './form-problem';
import { JoinPage } from './join-page';
import { fieldWords } from './onboarding-errors';
import { PortInCode } from './port-in-code';
import { TextField } from './text-field';

/**
 * /join/port-in (SVC-13, no login): apply to move a number to us, then enter the code texted to that number.
 * The date picker is bounded by the MNP rules the server states (8 days to ~6 months ahead); the server checks
 * again and names the field if the browser let a bad date through.
 */
export default function PortInPage() {
  const { t } = useLang();
  const p = t.onboarding.portIn;
  const options = useResource(getOnboardingOptions);
  const [created, setCreated] = useState<PortInCreated | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  const { setPrompted } = useLoginFlow();
  return (
    <JoinPage title={p.title} intro={p.intro} testId="port-in-page">
      {accepted ? (
        <section className="card" aria-labelledby="port-in-done" data-testid="port-in-done">
          <h2 id="port-in-done">{p.doneTitle}</h2>
          <p data-testid="order-reference" data-reference={accepted}>
            {p.done(accepted)}
          </p>
          <Link to="/join/status">{t.onboarding.joinStatus}</Link>
        </section>
      ) : created ? (
        <PortInCode created={created} onAccepted={setAccepted} onStartOver={() => setCreated(null)} />
      ) : options.state.status === 'loading' ? (
        <LoadingState />
      ) : options.state.status === 'error' ? (
        <ErrorState error={options.state.error} onRetry={options.reload} />
      ) : (
        <PortInForm
          options={options.state.data}
          onCreated={(answer, msisdn) => {
            setCreated(answer);
            // Demo mode: the virtual phone follows the number the code just went to, as it does for a login.
            setPrompted(msisdn);
          }}
        />
      )}
    </JoinPage>
  );
}

function PortInForm({
  options,
  onCreated,
}: {
  options: Awaited<ReturnType<typeof getOnboardingOptions>>;
  onCreated: (created: PortInCreated, msisdn: string | null) => void;
}) {
  const { t, lang } = useLang();
  const p = t.onboarding.portIn;
  const [number, setNumber] = useState('');
  const [donor, setDonor] = useState('');
  const [fullName, setFullName] = useState('');
  const [contact, setContact] = useState('');
  const [desiredDate, setDesiredDate] = useState(options.portDates.earliest);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { earliest, latest } = options.portDates;
  const donorErrors = fieldWords(t, error, 'donor');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await applyPortIn({ number: number.trim(), donor, fullName, contact, desiredDate });
      onCreated(answer, toE164(number));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  // Noon, so the date reads the same in every time zone (a bare date parses as UTC midnight).
  const human = (date: string) => formatDate(t.locale, `${date}T12:00:00Z`);
  return (
    <form className="card join-form" onSubmit={submit} noValidate data-testid="port-in-form">
      <TextField
        id="port-in-number"
        field="number"
        label={p.number}
        value={number}
        onChange={setNumber}
        error={error}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
      />
      <div className="field">
        <label htmlFor="port-in-donor">{p.donor}</label>
        <select
          id="port-in-donor"
          value={donor}
          onChange={(event) => setDonor(event.target.value)}
          aria-invalid={donorErrors.length > 0}
          aria-describedby={donorErrors.length > 0 ? 'port-in-donor-error' : undefined}
          data-testid="field-donor"
          required
        >
          <option value="">{p.donorChoose}</option>
          {options.donors.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name[lang]}
            </option>
          ))}
        </select>
        <FieldMessages id="port-in-donor-error" messages={donorErrors} />
      </div>
      <TextField
        id="port-in-name"
        field="fullName"
        label={p.fullName}
        value={fullName}
        onChange={setFullName}
        error={error}
        autoComplete="name"
      />
      <TextField
        id="port-in-contact"
        field="contact"
        label={p.contact}
        hint={p.contactHint}
        value={contact}
        onChange={setContact}
        error={error}
        autoComplete="email"
      />
      <TextField
        id="port-in-date"
        field="desiredDate"
        label={p.date}
        hint={p.dateHint(human(earliest), human(latest))}
        value={desiredDate}
        onChange={setDesiredDate}
        error={error}
        type="date"
        min={earliest}
        max={latest}
      />
      <p className="hint">{p.rules}</p>
      <FormProblem error={error} />
      <button type="submit" className="button button-primary" disabled={busy} data-testid="port-in-submit">
        {busy ? p.sending : p.submit}
      </button>
    </form>
  );
}
