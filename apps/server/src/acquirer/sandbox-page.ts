/**
 * The sandbox acquirer's hosted pages (TEST), rendered on the server as plain HTML: no script at all, so the
 * app's CSP (`script-src 'self'`) holds and the page works without the SPA. Both languages on one page, as
 * acquirers' pages often are; every page says TEST in its title and a banner.
 */
import { formatRubles } from '@kabinet/core';
import { SANDBOX_TEST_CARDS } from './sandbox-cards.ts';

const STYLE = `
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f3f4f6;margin:0;color:#111827}
.test{background:#b91c1c;color:#fff;text-align:center;padding:.5rem;font-weight:700;letter-spacing:.05em}
main{max-width:26rem;margin:1.5rem auto;background:#fff;border-radius:.75rem;padding:1.5rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.25rem;margin:0 0 .25rem}.amount{font-size:1.75rem;font-weight:700;margin:.5rem 0 1rem}
label{display:block;font-size:.875rem;margin:.75rem 0 .25rem}
input{width:100%;box-sizing:border-box;font-size:1rem;padding:.5rem;border:1px solid #9ca3af;border-radius:.375rem}
.row{display:flex;gap:.75rem}.row>div{flex:1}
button{margin-top:1rem;width:100%;padding:.75rem;font:inherit;font-size:1rem;font-weight:600;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{background:#e5e7eb;color:#111827}
.error{color:#b91c1c;font-size:.875rem;margin:.25rem 0 0}
.muted{color:#4b5563;font-size:.875rem}.code{font-family:ui-monospace,monospace;font-size:1.25rem;font-weight:700}
table{width:100%;font-size:.8125rem;border-collapse:collapse;margin-top:.5rem}td{padding:.25rem 0;vertical-align:top}
td:first-child{font-family:ui-monospace,monospace;white-space:nowrap;padding-right:.5rem}
`;

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>TEST · ${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><div class="test" data-testid="sandbox-test-banner">TEST · тестовый платёжный шлюз · sandbox acquirer — деньги не списываются / no real money</div>
<main>${body}</main></body></html>`;
}

export interface PageFacts {
  id: string;
  amount: bigint;
  description: string;
  formToken: string;
}

export interface CardFormValues {
  number?: string;
  expiry?: string;
  errors?: Partial<Record<'number' | 'expiry' | 'cvc' | 'form', string>>;
}

function error(text: string | undefined, testId: string): string {
  return text ? `<p class="error" role="alert" data-testid="${testId}">${escapeHtml(text)}</p>` : '';
}

function heading(p: PageFacts): string {
  return `<h1>Оплата картой · Card payment</h1>
<p class="muted">${escapeHtml(p.description)}</p>
<p class="amount" data-testid="sandbox-amount">${formatRubles(p.amount)} ₽</p>`;
}

/** The card form, with the list of test cards. */
export function cardFormPage(p: PageFacts, values: CardFormValues = {}): string {
  const e = values.errors ?? {};
  const cards = SANDBOX_TEST_CARDS.map(
    (c) =>
      `<tr><td>${c.number.replace(/(\d{4})(?=\d)/g, '$1 ')}</td><td>${escapeHtml(c.ru)} · ${escapeHtml(c.en)}</td></tr>`,
  ).join('');
  return layout(
    'Оплата картой · Card payment',
    `${heading(p)}
<form method="post" action="/sandbox-acquirer/pay/${escapeHtml(p.id)}" novalidate>
<input type="hidden" name="form_token" value="${escapeHtml(p.formToken)}">
${error(e.form, 'sandbox-form-error')}
<label for="card_number">Номер карты · Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" value="${escapeHtml(values.number ?? '')}" data-testid="sandbox-card-number">
${error(e.number, 'sandbox-number-error')}
<div class="row"><div><label for="expiry">Срок · Expiry (MM/YY)</label>
<input id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="12/30" value="${escapeHtml(values.expiry ?? '')}" data-testid="sandbox-expiry">
${error(e.expiry, 'sandbox-expiry-error')}</div>
<div><label for="cvc">CVC</label>
<input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" data-testid="sandbox-cvc">
${error(e.cvc, 'sandbox-cvc-error')}</div></div>
<button type="submit" data-testid="sandbox-pay">Оплатить · Pay ${formatRubles(p.amount)} ₽</button>
</form>
<form method="post" action="/sandbox-acquirer/pay/${escapeHtml(p.id)}/cancel">
<input type="hidden" name="form_token" value="${escapeHtml(p.formToken)}">
<button type="submit" class="secondary" data-testid="sandbox-cancel">Отменить · Cancel</button>
</form>
<p class="muted">Тестовые карты · Test cards (any expiry in the future, any CVC):</p>
<table data-testid="sandbox-test-cards">${cards}</table>`,
  );
}

/** The 3-D Secure challenge; being TEST, it shows the one-time code a bank would text. */
export function threeDsPage(p: PageFacts, code: string, wrong = false): string {
  return layout(
    '3-D Secure',
    `${heading(p)}
<h2>3-D Secure</h2>
<p class="muted">Банк прислал одноразовый код · The bank sent a one-time code.</p>
<p class="muted">TEST: код · code <span class="code" data-testid="sandbox-3ds-code">${escapeHtml(code)}</span></p>
<form method="post" action="/sandbox-acquirer/pay/${escapeHtml(p.id)}/3ds" novalidate>
<input type="hidden" name="form_token" value="${escapeHtml(p.formToken)}">
<label for="code">Код · Code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" data-testid="sandbox-3ds-input">
${error(wrong ? 'Введите код · Enter the code' : undefined, 'sandbox-3ds-error')}
<button type="submit" data-testid="sandbox-3ds-confirm">Подтвердить · Confirm</button>
</form>`,
  );
}

/** A payment that is already decided (or processing): only the way back to the shop. */
export function donePage(p: PageFacts, status: string, returnUrl: string): string {
  return layout(
    'Оплата · Payment',
    `${heading(p)}
<p data-testid="sandbox-status">Статус · Status: ${escapeHtml(status)}</p>
<p><a href="${escapeHtml(returnUrl)}" data-testid="sandbox-return">Вернуться в магазин · Back to the shop</a></p>`,
  );
}

export function missingPage(): string {
  return layout(
    'Нет такого платежа · No such payment',
    '<h1>Нет такого платежа · No such payment</h1><p class="muted">TEST sandbox acquirer.</p>',
  );
}
