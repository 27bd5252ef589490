import { Type } from 'typebox';
import { LineIdParams, Nullable, StringEnum } from '../http/schemas.ts';

const LINE_STATUSES = ['active', 'blocked', 'suspended', 'closed'] as const;

/** The line's status (`active`, `blocked`, `suspended`, `closed`). */
export const LineStatusSchema = StringEnum(LINE_STATUSES, { description: 'Status of the line.' });

/** A recorded request, as the change answers name it. */
export const RequestRef = Type.Object({
  id: Type.String({ description: 'Request id (`req_…`), shown in the requests list (SVC-11).' }),
  kind: Type.String({ description: 'Request kind, e.g. `suspension`, `sim_block`, `sim_replacement`.' }),
  status: StringEnum(['accepted', 'in_progress', 'done', 'rejected'] as const, {
    description: 'Status of the request right after the change.',
  }),
});

export const SuspensionRules = Type.Object({
  feePerDay: Type.Integer({ description: 'Kopecks a day charged after the free days.' }),
  freeDays: Type.Integer({ description: 'Days of a suspension that are free.' }),
  maxDays: Type.Integer({ description: 'Most days one request may suspend the line for.' }),
});

export const CurrentSuspension = Type.Object({
  from: Type.String({ format: 'date-time', description: 'When the suspension began.' }),
  until: Type.String({
    format: 'date-time',
    description: 'When the line is resumed (exclusive): the start of a day in the operator time zone.',
  }),
});

export const SuspensionState = Type.Object({
  available: Type.Boolean({ description: 'The tariff has a suspension rule (`rates.suspension`).' }),
  rules: Nullable(SuspensionRules, { description: 'The tariff’s suspension rule, null when not available.' }),
  current: Nullable(CurrentSuspension, { description: 'The voluntary suspension under way, if any.' }),
  status: LineStatusSchema,
});

export const SuspendBody = Type.Object({
  days: Type.Integer({ description: 'Days to suspend the line for, 1..maxDays of the tariff.' }),
});

export const SuspendResult = Type.Object({
  request: RequestRef,
  current: CurrentSuspension,
});

export const ResumeResult = Type.Object({ request: RequestRef });

const CARD_KINDS = ['physical', 'esim'] as const;
const CARD_STATUSES = ['pending', 'active', 'blocked', 'replaced'] as const;

export const SimCardSchema = Type.Object({
  id: Type.String({ description: 'SIM card id (`sim_…`).' }),
  kind: StringEnum(CARD_KINDS, { description: 'A physical SIM or an eSIM.' }),
  status: StringEnum(CARD_STATUSES, { description: 'Card status: `pending` until activated.' }),
  iccidLast4: Nullable(Type.String(), {
    description: 'Last four digits of the ICCID, null when not known yet.',
  }),
  createdAt: Type.String({ format: 'date-time', description: 'When the card was issued or ordered.' }),
  pickupOffice: Nullable(Type.String(), { description: 'Office where a replacement SIM is picked up.' }),
});

export const SimState = Type.Object({
  status: LineStatusSchema,
  blockReason: Type.Unsafe<'lost' | 'stolen' | null>({
    type: ['string', 'null'],
    enum: ['lost', 'stolen', null],
    description: 'Why the SIM is blocked, null unless lost or stolen.',
  }),
  blockedAt: Nullable(Type.String({ format: 'date-time' }), {
    description: 'When the SIM was blocked as lost or stolen.',
  }),
  cards: Type.Array(SimCardSchema, { description: 'SIM cards of the line, newest first.' }),
  unblock: StringEnum(['self_service', 'office'] as const, {
    description:
      'How the operator lets a lost SIM block be lifted: `self_service` with an SMS code to another verified ' +
      'contact (when `unblockContact` is set), or `office` only.',
  }),
  unblockContact: Nullable(Type.String(), {
    description: 'The masked recovery phone an unblock code would go to; null when there is none.',
  }),
});

export const UnblockCodeResult = Type.Object({
  sentTo: Type.String({ description: 'The masked number the code went to.' }),
  expiresAt: Type.String({ format: 'date-time', description: 'When the code stops working.' }),
  attemptsLeft: Type.Integer({ description: 'Wrong codes allowed before the code is burnt.' }),
});

export const UnblockBody = Type.Object({
  code: Type.String({ pattern: '^\\d{6}$', description: 'The 6-digit code from the SMS.' }),
});

export const UnblockResult = Type.Object({ request: RequestRef });

export const BlockBody = Type.Object({
  reason: StringEnum(['lost', 'stolen'] as const, { description: 'Why the SIM is blocked.' }),
});

export const BlockResult = Type.Object({ request: RequestRef });

export const ReplacementBody = Type.Object({
  pickupOffice: Type.String({
    minLength: 3,
    maxLength: 120,
    description: 'Office to pick the new SIM up at.',
  }),
});

export const ReplacementResult = Type.Object({
  request: RequestRef,
  card: SimCardSchema,
});

export const EsimResult = Type.Object({
  request: RequestRef,
  card: SimCardSchema,
  activationCode: Type.String({
    description: 'eSIM activation code `LPA:1$<SM-DP+ address>$<matching id>`.',
  }),
  qrSvg: Type.String({ description: 'The activation code as a QR code, an SVG document.' }),
});

export const EsimView = Type.Object({
  card: SimCardSchema,
  activationCode: Type.String({
    description: 'eSIM activation code `LPA:1$<SM-DP+ address>$<matching id>`.',
  }),
  qrSvg: Type.String({ description: 'The activation code as a QR code, an SVG document.' }),
});

export const CardParams = Type.Object({
  lineId: LineIdParams.properties.lineId,
  cardId: Type.String({ pattern: '^sim_[0-9a-z]{6,40}$', description: 'SIM card id (`sim_…`).' }),
});
