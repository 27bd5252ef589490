/** The outbox payload of an email row: subject, optional HTML, and the ids of its stored attachments. */
export interface EmailPayload {
  subject: string;
  html?: string;
  attachments?: string[];
}

/** Reads an email payload from an outbox row, refusing rows written without a subject. */
export function readEmailPayload(payload: Record<string, unknown> | undefined): EmailPayload {
  const subject = payload?.subject;
  if (typeof subject !== 'string') throw new Error('email outbox row without a subject');
  const html = typeof payload?.html === 'string' ? payload.html : undefined;
  const attachments = Array.isArray(payload?.attachments)
    ? payload.attachments.filter((a): a is string => typeof a === 'string')
    : [];
  return { subject, ...(html ? { html } : {}), attachments };
}
