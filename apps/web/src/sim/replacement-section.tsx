import { type FormEvent, useState } from 'react';
import { orderReplacement } from '../api/sim-api';
import type { SimState } from '../api/sim-types';
import type { Worded } from '../catalog/worded';
import { FieldMessages } from '../forms/field-messages';
import { useT } from '../i18n/i18n-context';
import { SimError, SimReadOnly } from './sim-error';
import { onlyField, simFieldMessages } from './sim-errors';

const OFFICE_MIN = 3;
const OFFICE_MAX = 120;

/** SVC-09: a new physical SIM with the same number, picked up at an office the subscriber names. */
export function ReplacementSection({
  lineId,
  sim,
  canChange,
  onDone,
}: {
  lineId: string;
  sim: SimState;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const t = useT();
  const r = t.sim.replacement;
  const [office, setOffice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pending = sim.cards.find((card) => card.kind === 'physical' && card.status === 'pending');
  const officeErrors = simFieldMessages(t, error, 'pickupOffice');
  const length = office.trim().length;

  async function order(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await orderReplacement(lineId, office.trim());
      setOffice('');
      onDone((t) => t.sim.replacement.orderedDone);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-block" aria-labelledby="replacement-title" data-testid="replacement">
      <h2 id="replacement-title">{r.title}</h2>
      <p className="muted">{r.hint}</p>
      {pending ? (
        <p className="sim-note" data-testid="replacement-pending">
          {r.pending(pending.pickupOffice ?? '—')}
        </p>
      ) : canChange ? (
        <form className="blacklist-form replacement-form" onSubmit={order} noValidate>
          <div className="field">
            <label htmlFor="pickup-office">{r.office}</label>
            <input
              id="pickup-office"
              type="text"
              maxLength={OFFICE_MAX}
              value={office}
              placeholder={r.officePlaceholder}
              onChange={(event) => setOffice(event.target.value)}
              aria-invalid={officeErrors.length > 0}
              aria-describedby={officeErrors.length > 0 ? 'pickup-office-error' : undefined}
              disabled={busy}
              data-testid="pickup-office"
            />
            <FieldMessages id="pickup-office-error" messages={officeErrors} />
          </div>
          <button
            type="submit"
            className="button button-secondary"
            disabled={busy || length < OFFICE_MIN || length > OFFICE_MAX}
            data-testid="replacement-order"
          >
            {busy ? r.ordering : r.order}
          </button>
          <SimError error={onlyField(error, 'pickupOffice') ? null : error} />
        </form>
      ) : (
        <SimReadOnly />
      )}
    </section>
  );
}
