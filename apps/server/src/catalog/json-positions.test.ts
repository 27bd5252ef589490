import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonWithPositions } from './json-positions.ts';

describe('JSON with positions', () => {
  it('OPS-03 reads what JSON.parse reads, and knows where each value starts', () => {
    const text =
      '\ufeff{\r\n  "a": [1, -2.5e1, "x\\u00e9\\n"],\r\n  "b": { "__proto__": null, "c": true }\r\n}';
    const parsed = parseJsonWithPositions(text);
    expect(parsed.value).toEqual(JSON.parse(text.slice(1)));
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect(parsed.positions.get('a[1]')).toEqual({ line: 2, column: 12 });
    expect(parsed.positions.get('b.c')).toEqual({ line: 3, column: 34 });
    expect(parsed.keyPositions.get('b.c')).toEqual({ line: 3, column: 29 });
  });

  it('OPS-03 a syntax error says where', () => {
    const cases: [string, string, number, number][] = [
      ['{"a": 1,\n "b" 2}', 'expected \':\' after "b", found "2"', 2, 6],
      ['[1, 2', "expected ',' or ']' after an element of an array, found the end of the file", 1, 6],
      ['{"a": "x\ny"}', 'unterminated string', 1, 9],
      ['{"a": 01}', "expected ',' or '}' after a member of an object, found \"1\"", 1, 8],
      ['{} {}', 'unexpected text after the end of the document', 1, 4],
    ];
    for (const [text, message, line, column] of cases) {
      let caught: unknown;
      try {
        parseJsonWithPositions(text);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(JsonSyntaxError);
      expect(caught).toMatchObject({ message, position: { line, column } });
    }
  });
});
