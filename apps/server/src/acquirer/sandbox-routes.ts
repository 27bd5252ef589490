import type { FastifyInstance, FastifyReply } from 'fastify';
import { hmac, sameDigest } from '../auth/secrets.ts';
import type { AppContext } from '../http/context.ts';
import { SandboxAcquirer } from './sandbox-acquirer.ts';
import { cardBrand, cardDigits, parseExpiry, passesLuhn, sandboxCardKind } from './sandbox-cards.ts';
import {
  type CardFormValues,
  cardFormPage,
  donePage,
  missingPage,
  type PageFacts,
  threeDsPage,
} from './sandbox-page.ts';

const ID = { type: 'string', pattern: '^sbx_[0-9a-z]{6,40}$' } as const;
const Params = { type: 'object', properties: { id: ID }, required: ['id'] } as const;
type Form = Record<string, string | undefined>;

/**
 * The sandbox acquirer's hosted payment pages (TEST), served by our server as an external acquirer would serve
 * its own: the card form, the 3-D Secure challenge, cancel. Plain HTML forms; their own form token (an HMAC of the
 * payment id) protects them instead of the cabinet's CSRF cookie, which an acquirer's site would not share.
 * Also connects the sandbox to the database, the clock and the app for webhook delivery.
 */
export async function sandboxAcquirerRoutes(root: FastifyInstance, ctx: AppContext) {
  if (!(ctx.acquirer instanceof SandboxAcquirer)) return;
  const sandbox: SandboxAcquirer = ctx.acquirer;
  sandbox.attach({
    db: ctx.db,
    now: ctx.now,
    origin: () => {
      const address = root.server.address();
      if (!address || typeof address === 'string') return null;
      const host =
        address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '[::1]' : address.address;
      return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${address.port}`;
    },
    inject: async ({ url, headers, body }) =>
      (await root.inject({ method: 'POST', url, headers, payload: body })).statusCode,
  });
  root.addHook('onClose', async () => sandbox.close());

  root.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const formToken = (id: string) => hmac(ctx.secret, 'sandbox-acquirer-form', id).toString('base64url');
  const validToken = (id: string, form: Form) =>
    typeof form.form_token === 'string' &&
    sameDigest(Buffer.from(form.form_token, 'base64url'), Buffer.from(formToken(id), 'base64url'));
  const html = (reply: FastifyReply, status: number, page: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);

  async function facts(id: string) {
    const row = await sandbox.load({ id });
    if (!row) return null;
    const page: PageFacts = {
      id,
      amount: row.amount,
      description: row.description,
      formToken: formToken(id),
    };
    return { row, page };
  }

  const schema = { hide: true, params: Params };
  const machine = { caller: 'machine' as const };

  root.get<{ Params: { id: string } }>('/sandbox-acquirer/pay/:id', { schema }, async (request, reply) => {
    const found = await facts(request.params.id);
    if (!found) return html(reply, 404, missingPage());
    const { row, page } = found;
    if (row.status === 'waiting_for_3ds') return reply.redirect(`/sandbox-acquirer/pay/${row.id}/3ds`, 303);
    if (row.status !== 'pending' || row.card_kind !== null) {
      const status = row.status === 'pending' ? 'processing' : row.status;
      return html(reply, 200, donePage(page, status, row.return_url));
    }
    return html(reply, 200, cardFormPage(page));
  });

  root.post<{ Params: { id: string }; Body: Form }>(
    '/sandbox-acquirer/pay/:id',
    { schema, config: machine },
    async (request, reply) => {
      // The form is checked before the payment is read: a valid one is then a single conditional update
      // (`submitCard` by id); only a refused form reads the payment, to show it again.
      const { id } = request.params;
      const form = request.body ?? {};
      const values: CardFormValues = {
        number: form.card_number ?? '',
        expiry: form.expiry ?? '',
        errors: {},
      };
      const errors = values.errors as NonNullable<CardFormValues['errors']>;
      if (!validToken(id, form)) errors.form = 'Форма устарела · The form expired: reload the page';
      const digits = cardDigits(form.card_number ?? '');
      if (!passesLuhn(digits)) errors.number = 'Неверный номер карты · Invalid card number';
      const expires = parseExpiry(form.expiry ?? '', ctx.now());
      if (!expires) errors.expiry = 'Неверный срок · Invalid or past expiry';
      if (!/^\d{3,4}$/.test((form.cvc ?? '').trim())) errors.cvc = 'Три цифры · Three digits';
      if (Object.keys(errors).length > 0 || !expires) {
        const found = await facts(id);
        if (!found) return html(reply, 404, missingPage());
        return html(reply, 400, cardFormPage(found.page, values));
      }
      const outcome = await sandbox.submitCard(id, {
        digits,
        kind: sandboxCardKind(digits),
        brand: cardBrand(digits),
        expires,
      });
      if (outcome.next === 'missing') return html(reply, 404, missingPage());
      if (outcome.next === '3ds') return reply.redirect(`/sandbox-acquirer/pay/${id}/3ds`, 303);
      return reply.redirect(outcome.url, 303);
    },
  );

  root.get<{ Params: { id: string } }>(
    '/sandbox-acquirer/pay/:id/3ds',
    { schema },
    async (request, reply) => {
      const found = await facts(request.params.id);
      if (!found) return html(reply, 404, missingPage());
      const { row, page } = found;
      if (row.status !== 'waiting_for_3ds' || !row.three_ds_code)
        return html(reply, 200, donePage(page, row.status, row.return_url));
      return html(reply, 200, threeDsPage(page, row.three_ds_code));
    },
  );

  root.post<{ Params: { id: string }; Body: Form }>(
    '/sandbox-acquirer/pay/:id/3ds',
    { schema, config: machine },
    async (request, reply) => {
      const found = await facts(request.params.id);
      if (!found) return html(reply, 404, missingPage());
      const form = request.body ?? {};
      if (!validToken(found.row.id, form) || !(form.code ?? '').trim()) {
        if (found.row.status !== 'waiting_for_3ds' || !found.row.three_ds_code)
          return reply.redirect(found.row.return_url, 303);
        return html(reply, 400, threeDsPage(found.page, found.row.three_ds_code, true));
      }
      const outcome = await sandbox.confirm3ds(found.row, form.code ?? '');
      if (outcome.next === 'missing') return html(reply, 404, missingPage());
      return reply.redirect(
        outcome.next === '3ds' ? `/sandbox-acquirer/pay/${found.row.id}/3ds` : outcome.url,
        303,
      );
    },
  );

  root.post<{ Params: { id: string }; Body: Form }>(
    '/sandbox-acquirer/pay/:id/cancel',
    { schema, config: machine },
    async (request, reply) => {
      const found = await facts(request.params.id);
      if (!found) return html(reply, 404, missingPage());
      if (!validToken(found.row.id, request.body ?? {})) return html(reply, 400, cardFormPage(found.page));
      const outcome = await sandbox.cancel(found.row);
      if (outcome.next === 'missing') return html(reply, 404, missingPage());
      return reply.redirect(
        outcome.next === '3ds' ? `/sandbox-acquirer/pay/${found.row.id}/3ds` : outcome.url,
        303,
      );
    },
  );
}
