import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  getNumbers,
  getOnboardingOptions,
  type OfferedNumber,
  type OnboardingOptions,
  orderNewSim,
} from '../api/onboarding-api';
import { price } from '../catalog/amounts';
import { formatMsisdn } from '../format/phone';
import { FieldMessages } from '../forms/field-messages';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useResource } from '../lib/use-resource';
import { FormProblem } from './form-problem';
import { JoinPage } from './join-page';
import { fieldWords } from './onboarding-errors';
import { TextField } from './text-field';

type Placed = Awaited<ReturnType<typeof orderNewSim>>;

/** /join/new-sim (SVC-13, no login): a number from the pool, a pickup office, a name and a contact phone. */
export default function NewSimPage() {
  const { t } = useLang();
  const n = t.onboarding.newSim;
  const options = useResource(getOnboardingOptions);
  const [placed, setPlaced] = useState<Placed | null>(null);
  return (
    <JoinPage title={n.title} intro={n.intro} testId="new-sim-page">
      {placed ? (
        <section className="card" aria-labelledby="new-sim-done" data-testid="new-sim-done">
          <h2 id="new-sim-done">{n.doneTitle}</h2>
          <p data-testid="order-reference" data-reference={placed.reference}>
            {n.done(placed.reference, formatMsisdn(placed.msisdn))}
          </p>
          {placed.price > 0 && <p>{n.toPay(price(t, placed.price))}</p>}
          <Link to="/join/status">{t.onboarding.joinStatus}</Link>
        </section>
      ) : options.state.status === 'loading' ? (
        <LoadingState />
      ) : options.state.status === 'error' ? (
        <ErrorState error={options.state.error} onRetry={options.reload} />
      ) : (
        <NewSimForm options={options.state.data} onPlaced={setPlaced} />
      )}
    </JoinPage>
  );
}

function NewSimForm({
  options,
  onPlaced,
}: {
  options: OnboardingOptions;
  onPlaced: (placed: Placed) => void;
}) {
  const { t, lang } = useLang();
  const n = t.onboarding.newSim;
  const numbers = useResource(getNumbers);
  const [number, setNumber] = useState('');
  const [office, setOffice] = useState('');
  const [fullName, setFullName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missingNumber, setMissingNumber] = useState(false);
  const officeErrors = fieldWords(t, error, 'office');
  const numberErrors = [...(missingNumber ? [n.numberRequired] : []), ...fieldWords(t, error, 'number')];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!number) {
      setMissingNumber(true);
      return;
    }
    setBusy(true);
    try {
      onPlaced(await orderNewSim({ number, office, fullName, contactPhone: contactPhone.trim() }));
    } catch (failure) {
      setError(failure);
      setBusy(false);
      // Someone else took the number: offer a fresh choice.
      numbers.reload();
    }
  }

  const list = numbers.state.status === 'ready' ? numbers.state.data : [];
  const group = (category: OfferedNumber['category']) => list.filter((item) => item.category === category);
  return (
    <form className="card join-form" onSubmit={submit} noValidate data-testid="new-sim-form">
      <fieldset aria-describedby={numberErrors.length > 0 ? 'new-sim-number-error' : undefined}>
        <legend className="field-legend">{n.numbers}</legend>
        {numbers.state.status === 'loading' && <LoadingState />}
        {numbers.state.status === 'error' && (
          <ErrorState error={numbers.state.error} onRetry={numbers.reload} />
        )}
        {(['beautiful', 'regular'] as const).map((category) => (
          <div key={category}>
            <h3 className="number-group">{category === 'beautiful' ? n.beautiful : n.regular}</h3>
            <ul className="number-grid">
              {group(category).map((item) => (
                <li key={item.msisdn}>
                  <label className="number-choice">
                    <input
                      type="radio"
                      name="number"
                      value={item.msisdn}
                      checked={number === item.msisdn}
                      onChange={() => {
                        setNumber(item.msisdn);
                        setMissingNumber(false);
                      }}
                      data-testid="number-choice"
                      data-category={item.category}
                    />
                    <span className="msisdn">{formatMsisdn(item.msisdn)}</span>
                    {/* Regular numbers are free: their heading says so, once. */}
                    {item.price > 0 && <span className="price">{price(t, item.price)}</span>}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <button
          type="button"
          className="button button-ghost"
          onClick={numbers.reload}
          data-testid="more-numbers"
        >
          {n.more}
        </button>
        <FieldMessages id="new-sim-number-error" messages={numberErrors} />
      </fieldset>
      <div className="field">
        <label htmlFor="new-sim-office">{n.office}</label>
        <select
          id="new-sim-office"
          value={office}
          onChange={(event) => setOffice(event.target.value)}
          aria-invalid={officeErrors.length > 0}
          aria-describedby="new-sim-office-about"
          data-testid="field-office"
          required
        >
          <option value="">{n.officeChoose}</option>
          {options.offices.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name[lang]}
            </option>
          ))}
        </select>
        <p id="new-sim-office-about" className="hint">
          {(() => {
            const chosen = options.offices.find((o) => o.code === office);
            return chosen ? `${chosen.address[lang]}. ${chosen.hours[lang]}.` : '';
          })()}
        </p>
        <FieldMessages id="new-sim-office-error" messages={officeErrors} />
      </div>
      <TextField
        id="new-sim-name"
        field="fullName"
        label={n.fullName}
        value={fullName}
        onChange={setFullName}
        error={error}
        autoComplete="name"
      />
      <TextField
        id="new-sim-contact"
        field="contactPhone"
        label={n.contactPhone}
        hint={n.contactHint}
        value={contactPhone}
        onChange={setContactPhone}
        error={error}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
      />
      <FormProblem error={error} />
      <button type="submit" className="button button-primary" disabled={busy} data-testid="new-sim-submit">
        {busy ? n.sending : n.submit}
      </button>
    </form>
  );
}
