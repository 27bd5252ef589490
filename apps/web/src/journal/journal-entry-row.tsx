import type { JournalEntry } from '../api/journal-api';
import { formatDateTime } from '../format/dates';
import { useT } from '../i18n/i18n-context';

/** One journal line: when, through which channel, who, what, and how it ended. Unknown codes show as sent. */
export function JournalEntryRow({ entry }: { entry: JournalEntry }) {
  const t = useT();
  const j = t.journal;
  const actor = entry.actor.name ?? j.actors[entry.actor.kind] ?? entry.actor.kind;
  return (
    <li className="journal-entry" data-testid="journal-entry" data-action={entry.action}>
      <time className="journal-time" dateTime={entry.at}>
        {formatDateTime(t.locale, entry.at)}
      </time>
      <p className="journal-action">{j.actions[entry.action] ?? <code>{entry.action}</code>}</p>
      <p className="journal-meta">
        <span className="chip">{j.channels[entry.channel] ?? entry.channel}</span>
        <span>
          <span className="visually-hidden">{j.columns.actor}: </span>
          {actor}
        </span>
      </p>
      <p className={`journal-outcome outcome-${entry.outcome}`}>
        <span className="visually-hidden">{j.columns.outcome}: </span>
        {j.outcomes[entry.outcome] ?? entry.outcome}
      </p>
    </li>
  );
}
