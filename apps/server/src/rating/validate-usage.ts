/**
 * Shape checks of one incoming record, before any database work: a record that fails here is rejected with a
 * reason and never touches a balance. Reasons start with a stable code (`bad_number: …`) that callers can match.
 */
import { USAGE_KINDS, type UsageKind } from '@kabinet/core';
import type { UsageInput } from './ingest.ts';

const E164 = /^\+[1-9]\d{7,14}$/;
const RECORD_ID = /^[\x21-\x7e]{1,128}$/;
const ZONE = /^[a-z0-9_-]{1,40}$/i;
const KINDS = new Set<string>(USAGE_KINDS);

/** A record that passed the shape checks: its volume in network units (seconds, messages, bytes). */
export interface CheckedUsage {
  input: UsageInput;
  index: number;
  volume: bigint;
  /** `input.startedAt` in epoch ms, read once (rating sorts and compares by it). */
  at: number;
}

function volumeOf(input: UsageInput): bigint | string {
  const kind: UsageKind = input.kind;
  if (kind === 'voice_out' || kind === 'voice_in') {
    const d = input.durationSec;
    if (d === undefined || !Number.isSafeInteger(d) || d < 0 || d > 86_400) {
      return 'bad_duration: a call needs durationSec, a whole number of seconds from 0 to 86400';
    }
    return BigInt(d);
  }
  if (kind === 'data') {
    const b = input.bytes;
    if (b === undefined || !Number.isSafeInteger(b) || b < 0) {
      return 'bad_bytes: a data session needs bytes, a whole number from 0';
    }
    return BigInt(b);
  }
  return 1n;
}

/** Checks one record; returns it with its volume, or the reason it is rejected. */
export function checkUsage(input: UsageInput, index: number, now: Date): CheckedUsage | string {
  if (typeof input.recordId !== 'string' || !RECORD_ID.test(input.recordId)) {
    return 'bad_record_id: the record id must be 1–128 visible ASCII characters';
  }
  if (typeof input.msisdn !== 'string' || !E164.test(input.msisdn)) {
    return 'bad_number: the number must be E.164, e.g. +79161234567';
  }
  if (!(input.startedAt instanceof Date) || Number.isNaN(input.startedAt.getTime())) {
    return 'bad_time: the start time is not a valid instant';
  }
  // Mediation clocks drift a little; a record from tomorrow is a broken clock or a broken file.
  if (input.startedAt.getTime() > now.getTime() + 3_600_000) {
    return 'in_future: the record starts more than an hour after the rating time';
  }
  if (!KINDS.has(input.kind)) return `bad_kind: the kind must be one of ${USAGE_KINDS.join(', ')}`;
  if (input.zone !== undefined && (typeof input.zone !== 'string' || !ZONE.test(input.zone))) {
    return 'bad_zone: the zone must be a catalog zone code';
  }
  if (
    input.otherParty !== undefined &&
    (typeof input.otherParty !== 'string' || input.otherParty.length > 32)
  ) {
    return 'bad_other_party: the other party must be a number of at most 32 characters';
  }
  const volume = volumeOf(input);
  if (typeof volume === 'string') return volume;
  return { input, index, volume, at: input.startedAt.getTime() };
}
