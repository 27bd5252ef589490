/**
 * RATE-01 over NATS: the wire format of a usage message. One message carries one record or an array of them, as
 * JSON with the field names of `UsageInput` and `startedAt` as an ISO 8601 instant with offset (docs/jobs.md).
 * Decoding checks only the shape; `ingestUsage` validates the values and rejects unknown numbers.
 */
import type { UsageInput, UsageKind } from '../rating/ingest.ts';

const KINDS: ReadonlySet<string> = new Set([
  'voice_out',
  'voice_in',
  'sms_out',
  'sms_in',
  'mms_out',
  'mms_in',
  'data',
]);

/** A message that cannot be read: it is terminated (never redelivered) and counted. */
export class UndecodableMessage extends Error {}

const optionalNumber = (v: unknown, field: string): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new UndecodableMessage(`${field}: not a number`);
  return v;
};
const optionalString = (v: unknown, field: string): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new UndecodableMessage(`${field}: not a string`);
  return v;
};

function decodeOne(raw: unknown, at: string): UsageInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new UndecodableMessage(`${at}: not an object`);
  const r = raw as Record<string, unknown>;
  if (typeof r.recordId !== 'string' || r.recordId === '')
    throw new UndecodableMessage(`${at}.recordId: missing`);
  if (typeof r.msisdn !== 'string') throw new UndecodableMessage(`${at}.msisdn: missing`);
  if (typeof r.kind !== 'string' || !KINDS.has(r.kind))
    throw new UndecodableMessage(`${at}.kind: unknown kind`);
  const startedAt = typeof r.startedAt === 'string' ? new Date(r.startedAt) : null;
  if (!startedAt || Number.isNaN(startedAt.getTime()) || !/[zZ]|[+-]\d\d:?\d\d$/.test(String(r.startedAt)))
    throw new UndecodableMessage(`${at}.startedAt: not an instant with an offset`);
  return {
    recordId: r.recordId,
    msisdn: r.msisdn,
    startedAt,
    kind: r.kind as UsageKind,
    otherParty: optionalString(r.otherParty, `${at}.otherParty`),
    durationSec: optionalNumber(r.durationSec, `${at}.durationSec`),
    bytes: optionalNumber(r.bytes, `${at}.bytes`),
    zone: optionalString(r.zone, `${at}.zone`),
  };
}

/** The records of one message's payload. Throws {@link UndecodableMessage} naming the bad field. */
export function decodeUsageMessage(payload: Uint8Array): UsageInput[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    throw new UndecodableMessage('payload: not JSON');
  }
  return Array.isArray(json) ? json.map((r, i) => decodeOne(r, `[${i}]`)) : [decodeOne(json, 'record')];
}

/** The payload for records (the simulator and tests publish with it). */
export function encodeUsageMessage(records: readonly UsageInput[]): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify(records.map((r) => ({ ...r, startedAt: r.startedAt.toISOString() }))),
  );
}
