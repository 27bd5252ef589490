import type { Me, MeLine } from '../api/types';

/**
 * Whether this session may change the line's tariff and services: full access both to the session and to
 * the line (ACCESS-09). The server checks again; this only spares the user buttons that would be refused.
 */
export function canChange(me: Me, line: MeLine | undefined): boolean {
  return me.session.access === 'full' && line?.access === 'full';
}
