import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../facts/json-syntax.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('finding where a JSON text breaks', () => {
  it('agrees with JSON.parse on any value, whole or cut anywhere', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), fc.nat(), (value, pretty, cut) => {
        const text = JSON.stringify(value, null, pretty ? 2 : 0);
        expect(findJsonSyntaxError(text)).toBeUndefined();
        const truncated = text.slice(0, cut % (text.length + 1));
        expect(findJsonSyntaxError(truncated) === undefined).toBe(parses(truncated));
      }),
      { numRuns: 300 },
    );
  });

  it('points at the first wrong character and says what was expected', () => {
    expect(findJsonSyntaxError('{"a": 1,\n "b": }')).toEqual({ offset: 15, expected: 'a value' });
    expect(findJsonSyntaxError('{"a": 1 "b": 2}')).toEqual({ offset: 8, expected: "',' or '}'" });
    expect(findJsonSyntaxError('[1, 2')).toEqual({ offset: 5, expected: "',' or ']'" });
    expect(findJsonSyntaxError('{a: 1}')).toEqual({
      offset: 1,
      expected: 'a property name in double quotes',
    });
    expect(findJsonSyntaxError('"tab\there"')).toEqual({
      offset: 4,
      expected: 'no control character inside a string',
    });
    expect(findJsonSyntaxError('{} x')).toEqual({ offset: 3, expected: 'the end of the file' });
  });
});
