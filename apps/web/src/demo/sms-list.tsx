import type { VirtualSms } from '../api/types';
import { formatMessageTime } from '../format/dates';
import { useT } from '../i18n/i18n-context';
import { FlashReply } from './flash-reply';

/**
 * The inbox, newest first; new messages are announced politely to screen readers. A flash prompt that still
 * waits for an answer carries the reply box (ACCESS-07).
 */
export function SmsList({ messages, msisdn }: { messages: VirtualSms[]; msisdn: string | null }) {
  const t = useT();
  return (
    <ul className="vp-messages" aria-live="polite" aria-label={t.virtualPhone.inbox}>
      {messages.map((message) => (
        <li
          key={message.id}
          className={message.kind === 'flash' ? 'vp-message vp-flash' : 'vp-message'}
          data-testid="vp-message"
          data-kind={message.kind ?? 'sms'}
        >
          <div className="vp-message-meta">
            <span className="vp-from">{message.kind === 'flash' ? t.virtualPhone.flash : message.from}</span>
            <time dateTime={message.receivedAt}>{formatMessageTime(t.locale, message.receivedAt)}</time>
          </div>
          <p className="vp-body">{message.body}</p>
          {message.kind === 'flash' && message.replyable && msisdn && (
            <FlashReply key={message.id} msisdn={msisdn} />
          )}
        </li>
      ))}
    </ul>
  );
}
