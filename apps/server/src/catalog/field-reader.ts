/**
 * Reads fields of a parsed JSON document into typed values, reporting every problem by path instead of stopping
 * at the first: the operator fixes a file in one round. A bad field reads as a harmless default (0, '', []) so
 * that reading goes on; the caller refuses the whole file when anything was reported.
 */
import type { CatalogIssue } from '@kabinet/core';
import { childPath } from './json-positions.ts';

export type Obj = Record<string, unknown>;

/** An issue of the file's shape; `atKey` when it is about the field's name rather than its value. */
export interface ShapeIssue extends CatalogIssue {
  atKey?: boolean;
}

export class FieldReader {
  readonly issues: ShapeIssue[] = [];
  /** Objects and arrays that were not: what is missing inside them is the same error, not new ones. */
  private readonly broken: string[] = [];

  report(path: string, message: string, atKey = false): void {
    if (this.broken.some((b) => path.startsWith(`${b}.`) || path.startsWith(`${b}[`))) return;
    this.issues.push(atKey ? { path, message, atKey } : { path, message });
  }

  private brokenContainer(path: string, value: unknown, what: string): void {
    this.report(path, value === undefined ? `is required (${what})` : `must be ${what}`);
    this.broken.push(path);
  }

  /** An object whose keys are all in `known`; unknown keys are reported (a typo must not pass silently). */
  object(value: unknown, path: string, known: readonly string[]): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.brokenContainer(path, value, 'an object { … }');
      return {};
    }
    const o = value as Obj;
    for (const key of Object.keys(o)) {
      if (!known.includes(key) && !key.startsWith('$')) {
        this.report(childPath(path, key), `unknown field (expected one of ${known.join(', ')})`, true);
      }
    }
    return o;
  }

  /** An object used as a map: any keys (zone codes → prices) except `$comment`-style notes. */
  record(value: unknown, path: string): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.brokenContainer(path, value, 'an object { … }');
      return {};
    }
    return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('$')));
  }

  /** An array, each element read by `item`; absent reads as empty when `optional`. */
  array<T>(value: unknown, path: string, item: (v: unknown, p: string) => T, optional = true): T[] {
    if (value === undefined && optional) return [];
    if (!Array.isArray(value)) {
      this.brokenContainer(path, value, 'an array [ … ]');
      return [];
    }
    return value.map((v, i) => item(v, childPath(path, i)));
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(
        path,
        value === undefined ? 'is required (a non-empty string)' : 'must be a non-empty string',
      );
      return '';
    }
    return value;
  }

  /** A string or null; absent reads as null. */
  nullableString(value: unknown, path: string): string | null {
    return value === undefined || value === null ? null : this.string(value, path);
  }

  boolean(value: unknown, path: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.report(path, 'must be true or false');
      return fallback;
    }
    return value;
  }

  /** A whole number ≥ 0. A float here is a bug in the file, not a price or an amount. */
  count(value: unknown, path: string, what = 'a non-negative whole number'): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.report(path, value === undefined ? `is required (${what})` : `must be ${what}`);
      return 0;
    }
    return value;
  }

  /** Money: integer kopecks ≥ 0 (15 ₽ is 1500). */
  kopecks(value: unknown, path: string): number {
    return this.count(value, path, 'a non-negative integer of kopecks');
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | null {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.report(path, `must be one of ${allowed.join(', ')}`);
      return null;
    }
    return value as T;
  }

  /** An instant (`archived_at`), ISO 8601; absent or null reads as null. */
  instant(value: unknown, path: string): Date | null {
    if (value === undefined || value === null) return null;
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (!/^\d{4}-\d{2}-\d{2}/.test(String(value)) || Number.isNaN(date.getTime())) {
      this.report(path, 'must be an ISO 8601 date or time, e.g. 2026-01-31T00:00:00+03:00');
      return null;
    }
    return date;
  }
}
