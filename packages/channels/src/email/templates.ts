/**
 * Email templates in Russian and English. Each template is typed by its variables; values are HTML-escaped in the
 * HTML part, so a subscriber's name cannot inject markup. Add a template by adding an entry to `templates`.
 */

export type Language = 'ru' | 'en';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface TemplateVars {
  /** A report (detalization, statement) attached to the email. */
  'report.ready': { name: string; period: string; filename: string };
  /** A payment credited to a line. */
  'payment.receipt': { name: string; amount: string; phone: string; date: string };
  /** The password of a login was changed. */
  'password.changed': { name: string; date: string };
}

export type TemplateName = keyof TemplateVars;

type Template<V> = Record<Language, { subject: (v: V) => string; paragraphs: (v: V) => string[] }>;

const templates: { [K in TemplateName]: Template<TemplateVars[K]> } = {
  'report.ready': {
    ru: {
      subject: (v) => `Детализация за ${v.period}`,
      paragraphs: (v) => [
        `Здравствуйте, ${v.name}!`,
        `Детализация за ${v.period} во вложении: ${v.filename}.`,
      ],
    },
    en: {
      subject: (v) => `Usage report for ${v.period}`,
      paragraphs: (v) => [
        `Hello ${v.name},`,
        `Your usage report for ${v.period} is attached: ${v.filename}.`,
      ],
    },
  },
  'payment.receipt': {
    ru: {
      subject: () => 'Платёж зачислен',
      paragraphs: (v) => [`Здравствуйте, ${v.name}!`, `${v.date} на номер ${v.phone} зачислено ${v.amount}.`],
    },
    en: {
      subject: () => 'Payment received',
      paragraphs: (v) => [`Hello ${v.name},`, `${v.amount} was credited to ${v.phone} on ${v.date}.`],
    },
  },
  'password.changed': {
    ru: {
      subject: () => 'Пароль изменён',
      paragraphs: (v) => [
        `Здравствуйте, ${v.name}!`,
        `${v.date} пароль от личного кабинета был изменён. Если это были не вы, обратитесь в поддержку.`,
      ],
    },
    en: {
      subject: () => 'Password changed',
      paragraphs: (v) => [
        `Hello ${v.name},`,
        `Your account password was changed on ${v.date}. If this was not you, contact support.`,
      ],
    },
  },
};

const SIGNATURE: Record<Language, string> = { ru: '— Личный кабинет', en: '— Kabinet' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders a template in a language to subject, plain text and HTML. */
export function renderEmail<K extends TemplateName>(
  name: K,
  language: Language,
  vars: TemplateVars[K],
): RenderedEmail {
  const template = templates[name][language] as {
    subject: (v: TemplateVars[K]) => string;
    paragraphs: (v: TemplateVars[K]) => string[];
  };
  const paragraphs = template.paragraphs(vars);
  const subject = template.subject(vars);
  return {
    subject,
    text: [...paragraphs, SIGNATURE[language]].join('\n\n'),
    html:
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>` +
      paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
      `<p>${escapeHtml(SIGNATURE[language])}</p></body></html>`,
  };
}

export type { TemplateVars };
