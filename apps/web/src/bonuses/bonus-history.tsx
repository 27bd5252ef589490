import type { BonusEntry } from '../api/bonus-api';
import { formatDate } from '../format/dates';
import { formatMsisdn, unbreakable } from '../format/phone';
import { type Lang, useLang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';

/** "март 2026" / "March 2026" from `YYYY-MM`. */
export function monthName(locale: string, key: string): string {
  const [year, month] = key.split('-').map(Number);
  if (!year || !month) return key;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
}

function entryText(t: Dictionary, lang: Lang, entry: BonusEntry): string {
  const r = t.bonuses.reasons;
  switch (entry.reason) {
    case 'top_up':
      return r.top_up;
    case 'spending':
      return r.spending(monthName(t.locale, entry.reference ?? ''));
    case 'redemption': {
      const text = r.redemption(entry.reward ? entry.reward.name[lang] : '');
      return entry.forNumber
        ? `${text} ${t.bonuses.forNumber(unbreakable(formatMsisdn(entry.forNumber)))}`
        : text;
    }
    case 'expiry':
      return r.expiry;
    default:
      return r.adjustment;
  }
}

/** BONUS-01: every movement of points, newest first, signed and worded. */
export function BonusHistory({ history }: { history: BonusEntry[] }) {
  const { t, lang } = useLang();
  return (
    <section className="card" aria-labelledby="bonus-history-title">
      <h2 id="bonus-history-title">{t.bonuses.historyTitle}</h2>
      {history.length === 0 ? (
        <p className="muted" data-testid="bonus-history-empty">
          {t.bonuses.historyEmpty}
        </p>
      ) : (
        <ul className="bonus-history" data-testid="bonus-history">
          {history.map((entry) => (
            <li key={entry.id} className="bonus-entry" data-testid="bonus-entry" data-reason={entry.reason}>
              <span className="bonus-entry-date">{formatDate(t.locale, entry.at)}</span>
              <span className="bonus-entry-text">{entryText(t, lang, entry)}</span>
              <span
                className={entry.points > 0 ? 'bonus-entry-points is-plus' : 'bonus-entry-points is-minus'}
              >
                {entry.points > 0 ? '+' : '−'}
                {Math.abs(entry.points).toLocaleString(t.locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
