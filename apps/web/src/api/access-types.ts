import type { Me } from './types';

/** Which identifier a password login names (ACCESS-03, ACCESS-10). */
export type IdentifierKind = 'phone' | 'contract';

/** Answer to the reset-code and step-up code requests: where the code went. */
export interface CodeIssued {
  maskedPhone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

/** GET /auth/enrichment: whether this visit comes through the operator's gateway (ACCESS-08). */
export interface EnrichmentOffer {
  available: boolean;
  maskedPhone: string | null;
}

/** POST /auth/phone-confirm: the prompt went out (always 202, whether or not the number exists). */
export interface PhoneConfirmStarted {
  requestId: string;
  expiresInSeconds: number;
  maskedPhone: string;
}

export type PhoneConfirmStatus =
  | { status: 'pending' | 'declined' | 'expired' }
  | { status: 'confirmed'; me?: Me };
