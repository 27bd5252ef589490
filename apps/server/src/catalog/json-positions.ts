/**
 * A JSON parser that remembers where each value starts, so a catalog error can say `file:line:column`.
 * `JSON.parse` gives values without positions, and its syntax errors give a character offset in some Node
 * versions and nothing in others. Paths use the catalog's notation: `options[3].packages[0].minutes`.
 */

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (what editors show for Cyrillic and other BMP text). */
  column: number;
}

export interface PositionedJson {
  value: unknown;
  /** Where the value at each path starts; the root is ''. */
  positions: Map<string, Position>;
  /** Where the key of each object member starts: an unknown or repeated field is reported at its name. */
  keyPositions: Map<string, Position>;
  /** Keys given twice in one object: JSON readers keep the last silently, so we refuse them. */
  duplicates: { path: string; position: Position }[];
}

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

/** Appends a key or an index to a path. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** Parses `text` as JSON (RFC 8259), keeping the position of every value. Throws JsonSyntaxError. */
export function parseJsonWithPositions(text: string): PositionedJson {
  return new Parser(text).run();
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private readonly positions = new Map<string, Position>();
  private readonly keyPositions = new Map<string, Position>();
  private readonly duplicates: PositionedJson['duplicates'] = [];

  constructor(private readonly text: string) {}

  run(): PositionedJson {
    // A byte-order mark is how some Windows editors save UTF-8; it is not part of the document.
    if (this.text.charCodeAt(0) === 0xfeff) this.i = 1;
    this.skipSpace();
    const value = this.value('');
    this.skipSpace();
    if (this.i < this.text.length) this.fail('unexpected text after the end of the document');
    return { value, positions: this.positions, keyPositions: this.keyPositions, duplicates: this.duplicates };
  }

  private here(): Position {
    return { line: this.line, column: this.i - this.lineStart + 1 };
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.here());
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text[this.i];
      if (c === '\n') {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else return;
    }
  }

  private describe(): string {
    const c = this.text[this.i];
    return c === undefined ? 'the end of the file' : JSON.stringify(c);
  }

  private value(path: string): unknown {
    this.positions.set(path, this.here());
    const c = this.text[this.i];
    if (c === '{') return this.object(path);
    if (c === '[') return this.array(path);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return result;
      }
    }
    this.fail(`expected a value, found ${this.describe()}`);
  }

  private object(path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      if (this.text[this.i] !== '"') this.fail(`expected a "key" in double quotes, found ${this.describe()}`);
      const keyAt = this.here();
      const key = this.string();
      this.skipSpace();
      if (this.text[this.i] !== ':') this.fail(`expected ':' after "${key}", found ${this.describe()}`);
      this.i++;
      this.skipSpace();
      const child = childPath(path, key);
      if (Object.hasOwn(out, key)) this.duplicates.push({ path: child, position: keyAt });
      else this.keyPositions.set(child, keyAt);
      // defineProperty: a key "__proto__" must stay a key, not replace the prototype.
      Object.defineProperty(out, key, {
        value: this.value(child),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipSpace();
      const c = this.text[this.i];
      this.i++;
      if (c === '}') return out;
      if (c !== ',') {
        this.i--;
        this.fail(`expected ',' or '}' after a member of an object, found ${this.describe()}`);
      }
      this.skipSpace();
      if (this.text[this.i] === '}') this.fail('a trailing comma is not allowed in JSON');
    }
  }

  private array(path: string): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(childPath(path, out.length)));
      this.skipSpace();
      const c = this.text[this.i];
      this.i++;
      if (c === ']') return out;
      if (c !== ',') {
        this.i--;
        this.fail(`expected ',' or ']' after an element of an array, found ${this.describe()}`);
      }
      this.skipSpace();
      if (this.text[this.i] === ']') this.fail('a trailing comma is not allowed in JSON');
    }
  }

  private string(): string {
    let out = '';
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || c === '\n') this.fail('unterminated string');
      this.i++;
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.text[this.i];
        if (e === 'u') {
          const hex = this.text.slice(this.i + 1, this.i + 5);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('expected four hex digits after \\u');
          out += String.fromCharCode(Number.parseInt(hex, 16));
          this.i += 5;
        } else {
          const decoded = e === undefined ? undefined : ESCAPES[e];
          if (decoded === undefined) this.fail(`unknown escape \\${e ?? ''}`);
          out += decoded;
          this.i++;
        }
      } else if (c < ' ') {
        this.i--;
        this.fail('a control character must be escaped in a string');
      } else out += c;
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail(`expected a number, found ${this.describe()}`);
    this.i += m[0].length;
    return Number(m[0]);
  }
}
