/** A TMF635-style usage item of the integration API → the ingestion's UsageInput (shape checks come later). */
import type { Static } from 'typebox';
import type { UsageInput, UsageKind } from './ingest.ts';
import type { UsageItem } from './schemas.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/;

function text(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function whole(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  return /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
}

/** Maps one item; a usageDate without an offset becomes an invalid date, which the ingestion rejects. */
export function toUsageInput(item: Static<typeof UsageItem>): UsageInput {
  const c = new Map(item.usageCharacteristic.map((x) => [x.name, x.value]));
  return {
    recordId: item.id,
    msisdn: text(c.get('msisdn')) ?? '',
    startedAt: INSTANT.test(item.usageDate) ? new Date(item.usageDate) : new Date(Number.NaN),
    kind: item.usageType as UsageKind,
    otherParty: text(c.get('otherParty')),
    durationSec: whole(c.get('durationSec')),
    bytes: whole(c.get('bytes')),
    zone: text(c.get('zone')),
  };
}
