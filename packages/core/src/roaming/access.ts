/**
 * SVC-05: what works abroad on a line. Two independent switches decide it: the line's roaming (access to partner
 * networks at all) and the service bans of SVC-04, which bar single kinds of roaming traffic on top. Turning
 * roaming on never lifts a ban, and turning it off leaves the bans as they were, so switching back restores
 * exactly what the subscriber had chosen.
 */

/** The kinds of roaming traffic, as the bans name them (`roaming_voice`, `roaming_sms`, `roaming_data`). */
export const ROAMING_KINDS = ['voice', 'sms', 'data'] as const;
export type RoamingKind = (typeof ROAMING_KINDS)[number];

/** Why a kind of traffic works or not abroad. */
export type RoamingKindState = 'available' | 'roaming_off' | 'barred';

export interface RoamingAccess {
  voice: RoamingKindState;
  sms: RoamingKindState;
  data: RoamingKindState;
}

/**
 * The state of each kind abroad from the roaming switch and the bars of the line's enabled bans. "Roaming off"
 * wins over "barred": it is the reason the subscriber has to change first.
 */
export function roamingAccess(enabled: boolean, bars: Iterable<string>): RoamingAccess {
  const barred = new Set(bars);
  const state = (kind: RoamingKind): RoamingKindState => {
    if (!enabled) return 'roaming_off';
    return barred.has(`roaming_${kind}`) ? 'barred' : 'available';
  };
  return { voice: state('voice'), sms: state('sms'), data: state('data') };
}
