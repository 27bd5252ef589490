import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/i18n-context';
import { FormError } from '../login/form-error';
import { dialUssd, type UssdScreen } from './phone-api';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const SPEED_DIAL = ['*100#', '*105#', '*106#', '*122#', '*110*9#', '*110*0221#'];
const USSD_CODE = /^\*[0-9*]*#$/;

interface Session {
  id: string;
  serviceCode: string;
  choices: string[];
  screen: UssdScreen;
}

/**
 * DEMO-02: the keypad. A dialled `*…#` code opens a USSD session through the same handler as the operator's
 * gateway; the screen shows `CON` menus with a reply box, and `END` screens close the session.
 */
export function UssdKeypad({ msisdn }: { msisdn: string }) {
  const t = useT();
  const [number, setNumber] = useState('');
  const [session, setSession] = useState<Session | null>(null);
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [hint, setHint] = useState(false);

  async function step(serviceCode: string, sessionId: string, choices: string[]) {
    setBusy(true);
    setError(null);
    try {
      const screen = await dialUssd(msisdn, { serviceCode, sessionId, text: choices.join('*') });
      setSession({ id: sessionId, serviceCode, choices, screen });
      setAnswer('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function dial(code = number) {
    const trimmed = code.trim();
    if (!USSD_CODE.test(trimmed)) {
      setHint(true);
      return;
    }
    setHint(false);
    setNumber(trimmed);
    void step(trimmed, crypto.randomUUID(), []);
  }

  function reply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!session || !answer.trim()) return;
    void step(session.serviceCode, session.id, [...session.choices, answer.trim()]);
  }

  return (
    <div className="vp-keypad" data-testid="vp-keypad">
      {session ? (
        <section className="vp-ussd" aria-label={t.phone.ussdScreen} aria-live="polite">
          <pre className="vp-ussd-text" data-testid="vp-ussd-screen" data-end={session.screen.end}>
            {session.screen.text}
          </pre>
          {session.screen.end ? (
            <>
              <p className="vp-note">{t.phone.sessionEnded}</p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setSession(null)}
                data-testid="vp-ussd-close"
              >
                OK
              </button>
            </>
          ) : (
            <form className="vp-ussd-reply" onSubmit={reply}>
              <label className="visually-hidden" htmlFor="vp-ussd-answer">
                {t.phone.answerLabel}
              </label>
              <input
                id="vp-ussd-answer"
                inputMode="numeric"
                maxLength={3}
                value={answer}
                onChange={(event) => setAnswer(event.target.value.replace(/\D/g, ''))}
                placeholder={t.phone.answerLabel}
                data-testid="vp-ussd-answer"
              />
              <div className="vp-key-actions">
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={busy || !answer}
                  data-testid="vp-ussd-send"
                >
                  {t.phone.answer}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setSession(null)}>
                  {t.phone.hangUp}
                </button>
              </div>
            </form>
          )}
        </section>
      ) : (
        <>
          <div className="field">
            <label htmlFor="vp-dial">{t.phone.keypadLabel}</label>
            <input
              id="vp-dial"
              value={number}
              inputMode="tel"
              maxLength={32}
              onChange={(event) => setNumber(event.target.value.replace(/[^0-9*#]/g, ''))}
              onKeyDown={(event) => {
                if (event.key === 'Enter') dial();
              }}
              aria-describedby="vp-dial-hint"
              data-testid="vp-dial-input"
            />
            <p id="vp-dial-hint" className="hint">
              {hint ? t.phone.notUssd : t.phone.keypadHint}
            </p>
          </div>
          <div className="vp-keys">
            {KEYS.map((key) => (
              <button
                key={key}
                type="button"
                className="vp-key"
                aria-label={t.phone.key(key)}
                onClick={() => setNumber((n) => `${n}${key}`.slice(0, 32))}
              >
                {key}
              </button>
            ))}
          </div>
          <div className="vp-key-actions">
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setNumber((n) => n.slice(0, -1))}
            >
              {t.phone.clear}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => dial()}
              disabled={busy}
              data-testid="vp-dial"
            >
              {t.phone.dial}
            </button>
          </div>
          <p className="vp-inbox-title">{t.phone.shortcuts}</p>
          <div className="vp-speed-dial">
            {SPEED_DIAL.map((code) => (
              <button
                key={code}
                type="button"
                className="button button-ghost"
                onClick={() => dial(code)}
                disabled={busy}
              >
                {code}
              </button>
            ))}
          </div>
        </>
      )}
      <FormError error={error} />
    </div>
  );
}
