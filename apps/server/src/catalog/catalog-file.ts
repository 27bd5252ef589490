/**
 * A catalog file (`kabinet-catalog/1`, docs/catalog.md) → a checked Catalog, or every error of the file with its
 * line and column. Nothing is half-read: any error and the caller gets no catalog at all.
 */
import { readFile } from 'node:fs/promises';
import { type Catalog, checkCatalog } from '@kabinet/core';
import { FieldReader, type ShapeIssue } from './field-reader.ts';
import { JsonSyntaxError, type Position, parseJsonWithPositions } from './json-positions.ts';
import { readBan, readZone } from './read-extras.ts';
import { readOption, readTariff } from './read-products.ts';

export const CATALOG_FORMAT = 'kabinet-catalog/1';

/** One problem of a catalog file, where an editor can jump to it. */
export interface CatalogFileError {
  file: string;
  line: number;
  column: number;
  /** The field, e.g. `options[3].fee`; '' for the document as a whole. */
  path: string;
  message: string;
}

export type CatalogFileResult = { ok: true; catalog: Catalog } | { ok: false; errors: CatalogFileError[] };

/** `catalog.json:57:18 options[3].fee: must be a non-negative integer of kopecks` — the compiler's layout. */
export function formatCatalogError(e: CatalogFileError): string {
  return `${e.file}:${e.line}:${e.column} ${e.path || '(file)'}: ${e.message}`;
}

/** Thrown where a catalog is needed to go on (the demo seeder), with every error of the file in its message. */
export class CatalogFileInvalid extends Error {
  override readonly name = 'CatalogFileInvalid';
  constructor(readonly errors: CatalogFileError[]) {
    super(`The catalog file has ${errors.length} error(s):\n${errors.map(formatCatalogError).join('\n')}`);
  }
}

/** The position of `path`, else of the nearest enclosing value that exists (a missing field: its object). */
function locate(positions: Map<string, Position>, path: string): Position {
  let p = path;
  for (;;) {
    const found = positions.get(p);
    if (found) return found;
    if (p === '') return { line: 1, column: 1 };
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut <= 0 ? '' : p.slice(0, cut);
  }
}

const ROOT_KEYS = ['format', 'currency', 'roaming_zones', 'bans', 'tariffs', 'options'];

function readCatalog(r: FieldReader, value: unknown): Catalog {
  const root = r.object(value, '', ROOT_KEYS);
  if (root.format !== CATALOG_FORMAT) r.report('format', `must be "${CATALOG_FORMAT}"`);
  if (root.currency !== undefined && root.currency !== 'RUB') r.report('currency', 'only RUB is supported');
  return {
    roamingZones: r.array(root.roaming_zones, 'roaming_zones', (z, p) => readZone(r, z, p)),
    bans: r.array(root.bans, 'bans', (b, p) => readBan(r, b, p)),
    tariffs: r.array(root.tariffs, 'tariffs', (t, p) => readTariff(r, t, p), false),
    options: r.array(root.options, 'options', (o, p) => readOption(r, o, p)),
  };
}

/**
 * Parses and checks the text of a catalog file. `file` only labels the errors. Errors come sorted by line and
 * column; at one place, the shape of the field before the domain rules (core/catalog).
 */
export function parseCatalogFile(text: string, file: string): CatalogFileResult {
  let parsed: ReturnType<typeof parseJsonWithPositions>;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return {
      ok: false,
      errors: [{ file, ...err.position, path: '', message: `JSON syntax: ${err.message}` }],
    };
  }
  const reader = new FieldReader();
  const duplicates = parsed.duplicates.map((d) => ({ ...d, message: 'is given twice in one object' }));
  const catalog = readCatalog(reader, parsed.value);
  const shaky = reader.issues.map((i) => i.path);
  // A field already wrong in shape was read as a default; rules about that default (or anything inside it)
  // would only repeat the error.
  const within = (path: string) =>
    shaky.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
  const issues = [...reader.issues, ...checkCatalog(catalog).filter((i) => !within(i.path))];
  if (issues.length === 0 && duplicates.length === 0) return { ok: true, catalog };
  const where = (i: ShapeIssue) =>
    (i.atKey ? parsed.keyPositions.get(i.path) : undefined) ?? locate(parsed.positions, i.path);
  const errors: CatalogFileError[] = [
    ...duplicates.map((d) => ({ file, ...d.position, path: d.path, message: d.message })),
    ...issues.map((i) => ({ file, ...where(i), path: i.path, message: i.message })),
  ];
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/**
 * Reads and checks a catalog file from disk; errors are labelled with `path` as given, for editors to follow. A
 * file that cannot be read is one error, not an exception: the operator gets the same kind of answer.
 */
export async function readCatalogFile(path: string): Promise<CatalogFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const message = `cannot read the file: ${(err as Error).message}`;
    return { ok: false, errors: [{ file: path, line: 1, column: 1, path: '', message }] };
  }
  return parseCatalogFile(text, path);
}
