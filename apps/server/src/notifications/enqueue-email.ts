import { type Language, renderEmail, type TemplateName, type TemplateVars } from '@kabinet/channels';
import type { Db } from '@kabinet/db';
import { enqueueMessage } from './outbox.ts';

/**
 * Queues a templated email (Russian or English) in the caller's transaction; `from` empty means the configured
 * `KABINET_MAIL_FROM`. Attachments are stored with the message (reports of a few MB at most).
 */
export async function enqueueEmail<K extends TemplateName>(
  trx: Db,
  input: {
    to: string;
    from?: string;
    template: K;
    language: Language;
    vars: TemplateVars[K];
    kind?: string;
    attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
  },
): Promise<string> {
  const rendered = renderEmail(input.template, input.language, input.vars);
  return enqueueMessage(trx, {
    channel: 'email',
    recipient: input.to,
    sender: input.from ?? '',
    body: rendered.text,
    kind: input.kind ?? input.template,
    email: { subject: rendered.subject, html: rendered.html },
    ...(input.attachments ? { attachments: input.attachments } : {}),
  });
}
