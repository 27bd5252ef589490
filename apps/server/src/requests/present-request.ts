import type { RequestRow } from './request-query.ts';

function titleOf(row: RequestRow): { ru: string; en: string } {
  const title = row.payload.title;
  if (
    typeof title === 'object' &&
    title !== null &&
    'ru' in title &&
    'en' in title &&
    typeof title.ru === 'string' &&
    typeof title.en === 'string'
  ) {
    return { ru: title.ru, en: title.en };
  }
  return { ru: `Заявка: ${row.kind}`, en: `Request: ${row.kind}` };
}

/** Shapes a request for the API (SVC-11). */
export function presentRequest(row: RequestRow) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: titleOf(row),
    effectiveAt: row.effective_at ? row.effective_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    events: row.events.map((e) => ({ status: e.status, note: e.note, at: e.at.toISOString() })),
  };
}
