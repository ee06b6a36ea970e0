import { describe, expect, it } from 'vitest';
import { locateJsonPath, positionOf } from '../../facts/json-locate.ts';

const text = `{
  "facts": [
    { "id": "a", "values": [1, 2] },
    {
      "id": "b",
      "text": { "fr": "x, \\"y\\" ]", "en": "z" }
    }
  ]
}`;

describe('locateJsonPath', () => {
  it('finds the line of a nested member', () => {
    expect(locateJsonPath(text, ['facts', 1, 'text', 'en'])).toEqual({ line: 6, column: 43 });
  });

  it('skips strings holding brackets and escaped quotes', () => {
    expect(locateJsonPath(text, ['facts', 1, 'text'])?.line).toBe(6);
  });

  it('finds an element of an inner array', () => {
    expect(locateJsonPath(text, ['facts', 0, 'values', 1])).toEqual({ line: 3, column: 32 });
  });

  it('says nothing for a path that is not in the text', () => {
    expect(locateJsonPath(text, ['facts', 2])).toBeUndefined();
    expect(locateJsonPath(text, ['missing'])).toBeUndefined();
  });

  it('counts lines from one', () => {
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
