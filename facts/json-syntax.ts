/** Where a JSON text first stops being JSON, and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  expected: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

/** Deeper than this, a text is refused as too deeply nested rather than scanned on (the scan recurses per level). */
export const MAX_JSON_DEPTH = 1000;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

/** Finds the first syntax error of a JSON text (Node 20's JSON.parse does not say where); undefined when it is valid. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  let depth = 0;
  const stop = (expected: string): never => {
    throw new Stop(i, expected);
  };
  const space = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  };
  const string = () => {
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) stop('no control character inside a string');
      if (c === 92) {
        const escaped = text[++i];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) stop('four hex digits after \\u');
          i += 4;
        } else if (!escaped || !ESCAPES.includes(escaped)) stop('a valid escape after a backslash');
      }
    }
    stop('a closing double quote');
  };
  const members = (close: string, item: () => void) => {
    if (++depth > MAX_JSON_DEPTH) stop(`at most ${MAX_JSON_DEPTH} nested arrays and objects`);
    i++;
    space();
    if (text[i] === close) {
      i++;
      depth--;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === close) break;
      if (text[i] !== ',') stop(`',' or '${close}'`);
      i++;
      space();
    }
    i++;
    depth--;
  };
  const member = () => {
    if (text[i] !== '"') stop('a property name in double quotes');
    string();
    space();
    if (text[i] !== ':') stop("':' after a property name");
    i++;
    value();
  };
  const value = (): void => {
    space();
    const c = text[i];
    const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, i));
    NUMBER.lastIndex = i;
    if (c === '{') members('}', member);
    else if (c === '[') members(']', value);
    else if (c === '"') string();
    else if (word) i += word.length;
    else if (c !== undefined && NUMBER.test(text)) i = NUMBER.lastIndex;
    else stop('a value');
  };
  try {
    value();
    space();
    if (i < text.length) stop('the end of the file');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, expected: error.expected };
    throw error;
  }
}
