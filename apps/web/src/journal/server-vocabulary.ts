import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Test support only (never imported by the app): reads the server's sources and lists the journal actions
 * and request kinds it writes, so the tests of the journal and requests screens fail when the server gains
 * one the dictionaries do not word. The server has no single list of them (actions are passed through
 * helpers such as `journalChange`, `recordLineChange`, `recordSystemChange`), so the sources are the truth.
 */

const SERVER_SRC = fileURLToPath(new URL('../../../server/src/', import.meta.url));

/** Files that only read or describe the journal, or seed tests: their dotted strings are column names. */
const NOT_WRITERS = [/^journal\//, /test-helpers\.ts$/, /test-fixtures\.ts$/, /^test\//];

function* serverFiles(dir = SERVER_SRC): Generator<{ path: string; text: string }> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* serverFiles(full);
    else if (full.endsWith('.ts') && !full.endsWith('.test.ts')) {
      const path = relative(SERVER_SRC, full);
      if (!NOT_WRITERS.some((re) => re.test(path))) yield { path, text: readFileSync(full, 'utf8') };
    }
  }
}

/** Statements (split at `;` line ends), so a call spread over lines stays together. */
function statements(text: string): string[] {
  return text.split(/;\s*\n/);
}

/** What a template action like `sms_command.${…}` becomes: SMS command names from their definitions. */
function smsCommandNames(): string[] {
  const names: string[] = [];
  for (const file of serverFiles(join(SERVER_SRC, 'sms-commands'))) {
    for (const m of file.text.matchAll(/^\s+name: '([a-z_]+)'/gm)) names.push(m[1] as string);
  }
  return names;
}

/** Expansions of the template actions the server builds; a new template fails the test until listed here. */
const TEMPLATES: Record<string, () => string[]> = {
  'auth.phone_confirm_${status}': () => ['confirmed', 'declined', 'expired'],
  'sms_command.${found.command.name}': smsCommandNames,
  'sms_command.${handler.name}': smsCommandNames,
};

export interface Vocabulary {
  values: Set<string>;
  /** Template strings the scan could not expand. */
  unknownTemplates: string[];
}

/** Every journal action the server writes (literal or expanded from a known template). */
export function serverJournalActions(): Vocabulary {
  const values = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of serverFiles()) {
    for (const stmt of statements(file.text)) {
      if (!/\baction\b|journal(Change|Entry)?\(/.test(stmt)) continue;
      for (const m of stmt.matchAll(/['`]([a-z_]+\.[a-z_]*(?:\$\{[a-zA-Z_.]+\})?[a-z_]*)['`]/g)) {
        const action = m[1] as string;
        if (!action.includes('${')) {
          values.add(action);
          continue;
        }
        const expand = TEMPLATES[action];
        if (!expand) unknownTemplates.push(`${file.path}: ${action}`);
        else for (const part of expand()) values.add(action.replace(/\$\{[^}]+\}/, part));
      }
    }
  }
  return { values, unknownTemplates };
}

/** Every request kind the server writes: `kind` of a statement that records a request or a line change. */
export function serverRequestKinds(): Set<string> {
  const kinds = new Set<string>();
  for (const file of serverFiles()) {
    for (const stmt of statements(file.text)) {
      const records =
        /record(Request|LineChange|SystemChange|Change)\(|insertInto\('requests'\)/.test(stmt) ||
        // A request's input carries a title (or, in the demo's story, a time line); a line change an action.
        (/\bkind:/.test(stmt) && /\b(action|title|events):/.test(stmt));
      if (!records) continue;
      for (const m of stmt.matchAll(/\bkind: (?:[^,\n?]+\? )?'([a-z_]+)'(?: : '([a-z_]+)')?/g)) {
        for (const kind of [m[1], m[2]]) if (kind) kinds.add(kind);
      }
    }
  }
  return kinds;
}
