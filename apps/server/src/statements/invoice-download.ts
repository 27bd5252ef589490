/** PAY-10: the PDF of an invoice of the line's account, for the person asking, in their language. */
import type { AppContext } from '../http/context.ts';
import { recordJournal } from '../journal/record.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';
import { loadInvoiceRows, presentInvoice } from './invoices-query.ts';
import { loadStatementAccount } from './statement-account.ts';

/** The PDF and its file name, or null when the invoice is not the line's account's (the caller answers 404). */
export async function loadInvoicePdf(
  ctx: AppContext,
  input: { lineId: string; invoiceId: string; loginId: string; ip: string; lang?: 'ru' | 'en' },
): Promise<{ bytes: Buffer; fileName: string } | null> {
  const account = await loadStatementAccount(ctx.db, input.lineId);
  const [row] = await loadInvoiceRows(ctx.db, account, input.invoiceId);
  if (!row) return null;
  const [customer, login, lines] = await Promise.all([
    ctx.db
      .selectFrom('billing_accounts as a')
      .innerJoin('customers as c', 'c.id', 'a.customer_id')
      .select('c.display_name')
      .where('a.id', '=', account.accountId)
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom('logins').select('locale').where('id', '=', input.loginId).executeTakeFirst(),
    ctx.db
      .selectFrom('lines')
      .select(['msisdn', 'contract_number'])
      .where('account_id', '=', account.accountId)
      .orderBy('activated_at')
      .execute(),
  ]);
  const lang = input.lang ?? (login?.locale === 'en' ? 'en' : 'ru');
  const bytes = await renderInvoicePdf({
    invoice: presentInvoice(row, ctx.now(), ctx.timeZone),
    customerName: customer.display_name,
    accountNumber: account.accountNumber,
    lines: lines.map((l) => l.msisdn ?? l.contract_number ?? '').filter(Boolean),
    lang,
    timeZone: ctx.timeZone,
  });
  // Invoices list what a person spent: every download is journaled, like other restricted reads.
  await recordJournal(ctx.db, {
    actorKind: 'subscriber',
    actorId: input.loginId,
    loginId: input.loginId,
    channel: 'web',
    lineId: input.lineId,
    action: 'invoice.downloaded',
    ip: input.ip,
    details: { invoiceId: row.id, number: row.number, lang },
  });
  return { bytes, fileName: `invoice-${row.number}.pdf` };
}
