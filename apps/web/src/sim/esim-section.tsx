import { useState } from 'react';
import { getEsim, issueEsim } from '../api/sim-api';
import type { Esim, SimState } from '../api/sim-types';
import type { Worded } from '../catalog/worded';
import { useT } from '../i18n/i18n-context';
import { EsimCode } from './esim-code';
import { SimError, SimReadOnly } from './sim-error';

/** SVC-09: a new eSIM — its activation code and QR code, with how to add it on the phone. */
export function EsimSection({
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
  const e = t.sim.esim;
  const [esim, setEsim] = useState<Esim | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const blocked = sim.status === 'blocked';
  const pending = sim.cards.find((card) => card.kind === 'esim' && card.status === 'pending');

  async function run(load: () => Promise<Esim>, issued: boolean) {
    setBusy(true);
    setError(null);
    try {
      const answer = await load();
      setEsim({ card: answer.card, activationCode: answer.activationCode, qrSvg: answer.qrSvg });
      if (issued) onDone((t) => t.sim.esim.issuedDone);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-block" aria-labelledby="esim-title" data-testid="esim">
      <h2 id="esim-title">{e.title}</h2>
      <p className="muted">{e.hint}</p>
      {blocked ? (
        <p className="hint" data-testid="esim-blocked">
          {e.blocked}
        </p>
      ) : esim ? (
        <EsimCode esim={esim} />
      ) : canChange ? (
        <div className="esim-actions">
          {pending && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => run(() => getEsim(lineId, pending.id), false)}
              disabled={busy}
              data-testid="esim-show"
            >
              {e.show}
            </button>
          )}
          <button
            type="button"
            className="button button-primary"
            onClick={() => run(() => issueEsim(lineId), true)}
            disabled={busy}
            data-testid="esim-get"
          >
            {busy ? e.getting : e.get}
          </button>
        </div>
      ) : (
        <SimReadOnly />
      )}
      <SimError error={error} />
    </section>
  );
}
