/** Where a JSON path (as zod reports it) starts in the source text, 1-based; undefined when it cannot be found. */
export function locateJsonPath(
  text: string,
  path: readonly PropertyKey[],
): { line: number; column: number } | undefined {
  let index = skipSpace(text, 0);
  for (const step of path) {
    const open = text[index];
    if (open === '{' && typeof step === 'string') index = findMember(text, index, step);
    else if (open === '[' && typeof step === 'number') index = findElement(text, index, step);
    else return undefined;
    if (index < 0) return undefined;
  }
  return positionOf(text, index);
}

/** Line and column of an offset, 1-based. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const skipSpace = (text: string, index: number): number => {
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
};

/** Index just past a JSON value starting at `index`. */
function skipValue(text: string, index: number): number {
  const first = text[index];
  if (first === '"') {
    for (let i = index + 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
    return text.length;
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = index; i < text.length; i++) {
      const c = text[i];
      if (c === '"') i = skipValue(text, i) - 1;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
    }
    return text.length;
  }
  const end = text.slice(index).search(/[,\]}\s]/);
  return end < 0 ? text.length : index + end;
}

function findMember(text: string, start: number, key: string): number {
  let index = skipSpace(text, start + 1);
  while (text[index] === '"') {
    const keyEnd = skipValue(text, index);
    const name = JSON.parse(text.slice(index, keyEnd)) as string;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (name === key) return valueStart;
    index = skipSpace(text, skipValue(text, valueStart));
    if (text[index] !== ',') return -1;
    index = skipSpace(text, index + 1);
  }
  return -1;
}

function findElement(text: string, start: number, position: number): number {
  let index = skipSpace(text, start + 1);
  for (let i = 0; i < position; i++) {
    index = skipSpace(text, skipValue(text, index));
    if (text[index] !== ',') return -1;
    index = skipSpace(text, index + 1);
  }
  return text[index] === ']' ? -1 : index;
}
