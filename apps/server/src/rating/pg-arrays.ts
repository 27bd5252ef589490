/**
 * PostgreSQL array literals for the batch statements, built directly: node-postgres would quote and escape every
 * element of every array (tens of thousands per batch), and most of ours (ids, numbers, ISO instants) need
 * neither. An element is quoted only when it contains something the array syntax would read otherwise.
 */
const PLAIN = /^[A-Za-z0-9_+:.|@/-]+$/;

function element(value: string | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (PLAIN.test(value) && value.toUpperCase() !== 'NULL') return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** `{a,b,NULL,"with space"}` for a text[] / timestamptz[] parameter. */
export function textArray(values: readonly (string | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += element(values[i]);
  }
  return `${out}}`;
}

/** `{1,2,3}` for an int8[] parameter. */
export function bigintArray(values: readonly bigint[]): string {
  return `{${values.join(',')}}`;
}
