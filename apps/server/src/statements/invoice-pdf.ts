/**
 * PAY-10: the invoice as a PDF, in the subscriber's language. Trap: PDF's standard fonts know no Cyrillic —
 * text would come out as garbage — so the DejaVu TTFs (npm `dejavu-fonts-ttf`) are embedded; they carry Cyrillic
 * and the rouble sign.
 */
import { createRequire } from 'node:module';
import { formatRubles, type SpendingCategory } from '@kabinet/core';
import PDFDocument from 'pdfkit';
import { INVOICE_PDF_EN, INVOICE_PDF_RU } from './invoice-pdf-words.ts';
import type { presentInvoice } from './invoices-query.ts';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface InvoicePdfInput {
  invoice: ReturnType<typeof presentInvoice>;
  customerName: string;
  accountNumber: string;
  /** Numbers and contract numbers of the account's lines. */
  lines: string[];
  lang: 'ru' | 'en';
  timeZone: string;
}

const rub = (kopecks: number) => `${formatRubles(BigInt(kopecks))} ₽`;

/** Renders the invoice into a PDF document (A4, one page for any number of categories). */
export function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const w = input.lang === 'en' ? INVOICE_PDF_EN : INVOICE_PDF_RU;
  const { invoice } = input;
  const locale = input.lang === 'en' ? 'en-GB' : 'ru-RU';
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: input.timeZone,
    }).format(new Date(iso));
  const month = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: input.timeZone,
  }).format(new Date(invoice.periodStart));
  const lastDay = new Date(new Date(invoice.periodEnd).getTime() - 1).toISOString();

  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: w.title(invoice.number), Author: 'Kabinet', Subject: month },
    lang: input.lang,
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = 50;
  const right = doc.page.width - 50;
  const row = (
    label: string,
    value: string,
    options: { bold?: boolean; indent?: number; size?: number } = {},
  ) => {
    const y = doc.y;
    doc.font(options.bold ? 'bold' : 'body').fontSize(options.size ?? 11);
    doc.text(label, left + (options.indent ?? 0), y, { width: 330 });
    const after = doc.y;
    doc.text(value, left + 340, y, { width: right - left - 340, align: 'right' });
    doc.y = Math.max(after, doc.y) + 4;
  };
  const rule = () => {
    doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.y += 6;
  };

  doc.font('body').fontSize(10).fillColor('#555555').text(w.operator, left, 50);
  doc.moveDown(0.5);
  doc.font('bold').fontSize(18).fillColor('#000000').text(w.title(invoice.number));
  doc.moveDown(0.5);
  row(w.period, `${month} (${day(invoice.periodStart)} — ${day(lastDay)})`);
  row(w.issued, day(invoice.issuedAt));
  row(w.due, day(`${invoice.dueDate}T12:00:00Z`));
  row(w.customer, input.customerName);
  row(w.account, input.accountNumber);
  row(w.lines, input.lines.join(', ') || '—');
  row(w.creditLimit, rub(invoice.creditLimit));
  doc.moveDown(0.5);
  rule();
  row(w.opening, rub(invoice.openingBalance));
  doc.font('bold').fontSize(11).text(w.charges, left, doc.y);
  doc.y += 4;
  for (const c of invoice.charges) {
    if (c.amount === 0) continue;
    row(w.categories[c.category as SpendingCategory], rub(c.amount), { indent: 16 });
  }
  row(w.chargesTotal, rub(invoice.chargesTotal), { bold: true });
  row(w.payments, rub(invoice.paymentsTotal));
  if (invoice.otherMovements !== 0) row(w.other, rub(invoice.otherMovements));
  row(w.closing, rub(invoice.closingBalance), { bold: true });
  rule();
  row(w.amountDue, rub(invoice.amountDue), { bold: true, size: 14 });
  if (invoice.amountDue === 0) doc.font('body').fontSize(11).text(w.nothingDue, left, doc.y);
  doc.moveDown(2);
  doc
    .font('body')
    .fontSize(9)
    .fillColor('#555555')
    .text(w.footer, left, doc.y, { width: right - left });
  doc.end();
  return done;
}
