import { call } from './api-client';
import type { LocalisedName } from './types';

/** SVC-13 for people without a login (docs/api/line-extras.md). */

export interface Office {
  code: string;
  name: LocalisedName;
  address: LocalisedName;
  hours: LocalisedName;
}

export interface OnboardingOptions {
  donors: Array<{ code: string; name: LocalisedName }>;
  offices: Office[];
  /** Transfer dates allowed today, `YYYY-MM-DD`, both ends included. */
  portDates: { earliest: string; latest: string };
}

export interface OfferedNumber {
  msisdn: string;
  category: 'regular' | 'beautiful';
  /** Kopecks, paid at pickup. */
  price: number;
}

export type OrderStatus = 'awaiting_confirmation' | 'accepted' | 'in_progress' | 'done' | 'rejected';

export interface PortInCreated {
  reference: string;
  status: OrderStatus;
  codeSentTo: string;
  codeExpiresAt: string;
}

export interface PortInInput {
  number: string;
  donor: string;
  fullName: string;
  contact: string;
  desiredDate: string;
}

export interface NewSimInput {
  number: string;
  office: string;
  fullName: string;
  contactPhone: string;
}

export interface OrderView {
  reference: string;
  kind: 'port_in' | 'new_sim';
  status: OrderStatus;
  msisdn: string;
  price: number;
  desiredDate: string | null;
  donor: string | null;
  office: Office | null;
  createdAt: string;
  events: Array<{ status: OrderStatus; note: string; at: string }>;
}

/** GET /onboarding/options: donors, offices and the transfer dates allowed today. */
export function getOnboardingOptions(signal?: AbortSignal): Promise<OnboardingOptions> {
  return call('GET', '/onboarding/options', { signal });
}

/** GET /onboarding/numbers: beautiful numbers with prices, then a random few free ones. */
export async function getNumbers(signal?: AbortSignal): Promise<OfferedNumber[]> {
  const { numbers } = await call<{ numbers: OfferedNumber[] }>('GET', '/onboarding/numbers', { signal });
  return numbers;
}

/** POST /onboarding/port-in: a code is texted to the number being moved. */
export function applyPortIn(input: PortInInput): Promise<PortInCreated> {
  return call('POST', '/onboarding/port-in', { body: input });
}

/** POST /onboarding/port-in/{reference}/confirm. */
export function confirmPortIn(
  reference: string,
  code: string,
): Promise<{ reference: string; status: OrderStatus }> {
  return call('POST', `/onboarding/port-in/${encodeURIComponent(reference)}/confirm`, { body: { code } });
}

/** POST /onboarding/new-sim: reserves the number; 409 `number_taken` when someone was quicker. */
export function orderNewSim(
  input: NewSimInput,
): Promise<{ reference: string; status: OrderStatus; msisdn: string; price: number }> {
  return call('POST', '/onboarding/new-sim', { body: input });
}

/** POST /onboarding/orders/lookup: 404 unless the reference and the phone match one order. */
export function lookupOrder(reference: string, phone: string): Promise<OrderView> {
  return call('POST', '/onboarding/orders/lookup', { body: { reference, phone } });
}
