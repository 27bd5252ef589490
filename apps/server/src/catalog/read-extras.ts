/** Reads roaming zones and service bans of a catalog file. */
import { BAN_TARGETS, type RoamingZone, type ServiceBan } from '@kabinet/core';
import type { FieldReader } from './field-reader.ts';
import { readDescription, readNames } from './read-parts.ts';

/** One zone of `roaming_zones`. */
export function readZone(r: FieldReader, value: unknown, path: string): RoamingZone {
  const o = r.object(value, path, ['code', 'name', 'countries', 'rest_of_world', 'archived_at']);
  return {
    code: r.string(o.code, `${path}.code`),
    name: readNames(r, o.name, `${path}.name`),
    countries: r.array(o.countries, `${path}.countries`, (c, at) => r.string(c, at)),
    restOfWorld: r.boolean(o.rest_of_world, `${path}.rest_of_world`, false),
    archivedAt: r.instant(o.archived_at, `${path}.archived_at`),
  };
}

/** One ban of `bans`. */
export function readBan(r: FieldReader, value: unknown, path: string): ServiceBan {
  const o = r.object(value, path, ['code', 'name', 'description', 'bars', 'archived_at']);
  return {
    code: r.string(o.code, `${path}.code`),
    name: readNames(r, o.name, `${path}.name`),
    description: readDescription(r, o.description, `${path}.description`),
    bars: r
      .array(o.bars, `${path}.bars`, (b, at) => r.oneOf(b, BAN_TARGETS, at), false)
      .filter((b) => b !== null),
    archivedAt: r.instant(o.archived_at, `${path}.archived_at`),
  };
}
