import { type FormEvent, useState } from 'react';
import { replyFromPhone } from '../api/api-client';
import { useT } from '../i18n/i18n-context';

/**
 * The phone's answer to a flash/USSD prompt (ACCESS-07): "1" confirms, anything else declines. The server
 * applies it to the newest pending prompt of the number.
 */
export function FlashReply({ msisdn }: { msisdn: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failed, setFailed] = useState(false);

  async function send(answer: string) {
    setBusy(true);
    setFailed(false);
    try {
      await replyFromPhone(msisdn, answer);
      setDone(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim()) void send(text.trim());
  }

  if (done)
    return (
      <p className="vp-note" role="status">
        {t.virtualPhone.replied}
      </p>
    );

  return (
    <form className="vp-reply" onSubmit={submit}>
      <button
        type="button"
        className="button button-primary"
        onClick={() => send('1')}
        disabled={busy}
        data-testid="vp-reply-confirm"
      >
        {t.virtualPhone.replyConfirm}
      </button>
      <div className="vp-reply-row">
        <label className="visually-hidden" htmlFor={`vp-reply-${msisdn}`}>
          {t.virtualPhone.replyLabel}
        </label>
        <input
          id={`vp-reply-${msisdn}`}
          type="text"
          inputMode="numeric"
          maxLength={20}
          placeholder={t.virtualPhone.replyLabel}
          value={text}
          onChange={(event) => setText(event.target.value)}
          data-testid="vp-reply-input"
        />
        <button
          type="submit"
          className="button button-ghost"
          disabled={busy || !text.trim()}
          data-testid="vp-reply-send"
        >
          {t.virtualPhone.replySend}
        </button>
      </div>
      {failed && (
        <p className="vp-note" role="alert">
          {t.errors.generic}
        </p>
      )}
    </form>
  );
}
