import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

const Localised = (description: string) =>
  Type.Object(
    { ru: Type.String({ description: 'In Russian.' }), en: Type.String({ description: 'In English.' }) },
    { description },
  );

const ORDER_STATUSES = ['awaiting_confirmation', 'accepted', 'in_progress', 'done', 'rejected'] as const;
const OrderStatus = StringEnum(ORDER_STATUSES, {
  description:
    '`awaiting_confirmation` (port-in: the SMS code not entered yet), `accepted`, `in_progress`, `done`, `rejected`.',
});

/** A phone as typed (any common Russian notation); normalised and checked by the command. */
const Phone = (description: string) => Type.String({ minLength: 1, maxLength: 32, description });
const FullName = Type.String({
  minLength: 2,
  maxLength: 120,
  description: 'Full name of the person ordering.',
});

export const OnboardingOptions = Type.Object({
  donors: Type.Array(
    Type.Object({
      code: Type.String({ description: 'Donor operator code.' }),
      name: Localised('Operator name.'),
    }),
    { description: 'Operators a number can move from.' },
  ),
  offices: Type.Array(
    Type.Object({
      code: Type.String({ description: 'Office code.' }),
      name: Localised('Office name.'),
      address: Localised('Street address.'),
      hours: Localised('Opening hours.'),
    }),
    { description: 'Offices where a new SIM is picked up.' },
  ),
  portDates: Type.Object(
    {
      earliest: Type.String({ format: 'date', description: 'Earliest transfer date: 8 days after today.' }),
      latest: Type.String({ format: 'date', description: 'Latest transfer date: about six months ahead.' }),
    },
    { description: 'Transfer dates allowed today (operator time zone), both ends included.' },
  ),
});

export const NumberList = Type.Object({
  numbers: Type.Array(
    Type.Object({
      msisdn: Type.String({ description: 'E.164 number.' }),
      category: StringEnum(['regular', 'beautiful'] as const, {
        description: '`beautiful` numbers cost extra.',
      }),
      price: Type.Integer({ description: 'Kopecks, paid when the SIM is picked up; 0 for regular numbers.' }),
    }),
    { description: 'Beautiful numbers first (cheapest first), then a random handful of free regular ones.' },
  ),
});

export const PortInBody = Type.Object(
  {
    number: Phone('The number to move to us: a Russian mobile number (+7 9…), any common notation.'),
    donor: Type.String({
      minLength: 1,
      maxLength: 20,
      description: 'Code of the current operator (see options).',
    }),
    fullName: FullName,
    contact: Type.String({
      minLength: 3,
      maxLength: 120,
      description: 'How to reach the person: an e-mail or another phone.',
    }),
    desiredDate: Type.String({
      minLength: 1,
      maxLength: 10,
      description: 'Desired transfer date `YYYY-MM-DD`: from 8 days to about 6 months ahead.',
    }),
  },
  { additionalProperties: false },
);

export const PortInCreated = Type.Object({
  reference: Type.String({ description: 'Order reference `KB-XXXX-XXXX`.' }),
  status: OrderStatus,
  codeSentTo: Type.String({ description: 'The number the confirmation code was sent to, masked.' }),
  codeExpiresAt: Type.String({ format: 'date-time', description: 'When the code stops working.' }),
});

export const ConfirmParams = Type.Object({
  reference: Type.String({ minLength: 1, maxLength: 20, description: 'Order reference `KB-XXXX-XXXX`.' }),
});

export const ConfirmBody = Type.Object(
  {
    code: Type.String({ pattern: '^\\d{6}$', description: 'The 6-digit code from the SMS.' }),
  },
  { additionalProperties: false },
);

export const NewSimBody = Type.Object(
  {
    number: Type.String({ pattern: '^\\+7\\d{10}$', description: 'The chosen number from the pool, E.164.' }),
    office: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'Code of the pickup office (see options).',
    }),
    fullName: FullName,
    contactPhone: Phone('A phone to reach the person; the order reference is texted there.'),
  },
  { additionalProperties: false },
);

export const LookupBody = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 20, description: 'Order reference `KB-XXXX-XXXX`.' }),
    phone: Phone('For a port-in: the number being moved; for a new SIM: the contact phone.'),
  },
  { additionalProperties: false },
);

export const OrderView = Type.Object({
  reference: Type.String({ description: 'Order reference.' }),
  kind: StringEnum(['port_in', 'new_sim'] as const, { description: '`port_in` or `new_sim`.' }),
  status: OrderStatus,
  msisdn: Type.String({ description: 'Port-in: the number moved; new SIM: the chosen number.' }),
  price: Type.Integer({ description: 'Kopecks to pay at pickup (a beautiful number); 0 otherwise.' }),
  desiredDate: Nullable(Type.String({ format: 'date' }), { description: 'Port-in transfer date.' }),
  donor: Nullable(Type.String(), { description: 'Port-in donor operator code.' }),
  office: Nullable(
    Type.Object({
      code: Type.String({ description: 'Office code.' }),
      name: Localised('Office name.'),
      address: Localised('Street address.'),
      hours: Localised('Opening hours.'),
    }),
    { description: 'New SIM: where to pick it up.' },
  ),
  createdAt: Type.String({ format: 'date-time', description: 'When the order was made.' }),
  events: Type.Array(
    Type.Object({
      status: OrderStatus,
      note: Type.String({
        description:
          'What happened: `code_sent`, `confirmed`, `number_reserved`, `superseded`, `too_many_attempts`.',
      }),
      at: Type.String({ format: 'date-time', description: 'When.' }),
    }),
    { description: 'The time line, oldest first.' },
  ),
});
