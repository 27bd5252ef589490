import type { VirtualSms } from '../api/types';
import { formatMessageTime } from '../format/dates';
import { useT } from '../i18n/i18n-context';

/** The inbox, newest first; new messages are announced politely to screen readers. */
export function SmsList({ messages }: { messages: VirtualSms[] }) {
  const t = useT();
  return (
    <ul className="vp-messages" aria-live="polite" aria-label={t.virtualPhone.inbox}>
      {messages.map((message) => (
        <li key={message.id} className="vp-message" data-testid="vp-message">
          <div className="vp-message-meta">
            <span className="vp-from">{message.from}</span>
            <time dateTime={message.receivedAt}>{formatMessageTime(t.locale, message.receivedAt)}</time>
          </div>
          <p className="vp-body">{message.body}</p>
        </li>
      ))}
    </ul>
  );
}
