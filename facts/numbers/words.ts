import type { Scale } from '../schema/index.ts';
import type { Core, Gate } from './core.ts';
import { trailingZeros } from './digits.ts';
import type { Lexicon } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import type { ScaleSpec } from './types.ts';

type Place = 'none' | 'unit' | 'teen' | 'ten' | 'hundred' | 'thousand' | 'big';

const isWord = (token: Token | undefined): token is Token => token?.kind === 'word';
const isDash = (token: Token | undefined) => token?.kind === 'sym' && /^[-‐‑–]$/.test(token.text);

const spoken = (first: number, next: number, value: number, extra: Partial<Core> = {}): Core => ({
  first,
  next,
  value,
  precExp: Number.isInteger(value) ? trailingZeros(String(value)) : 0,
  plain: false,
  isInteger: Number.isInteger(value),
  words: true,
  fraction: false,
  scale: 'one',
  hasScaleWord: false,
  gate: 'none',
  ...extra,
});

/** Spoken fractions are rounded statements ("un tiers" for 0.33 or 0.34). */
const FRACTION_PRECISION = 0.01;

/** "un tiers", "two thirds", "a fifth of": a numerator 1–9 before a denominator word, not an ordinal ("a third party"). */
function readFraction(
  tokens: readonly Token[],
  first: number,
  numerator: number,
  at: number,
  lexicon: Lexicon,
) {
  const denominator = lexicon.fractionWords.get(tokens[at]!.norm);
  if (denominator === undefined || numerator < 1) return undefined;
  // a plural denominator makes any numerator a fraction ("twenty-three fifths" is 4.6); a singular one after a
  // larger number is an ordinal ("twenty third"), "five quarters" are periods and "vingt tiers" third parties
  const word = tokens[at]!.norm;
  const singular = word.slice(0, -1);
  const plural =
    word.endsWith('s') && lexicon.fractionWords.has(singular) && !lexicon.quarterWords.has(singular);
  if (numerator >= denominator && !(plural && numerator > 1)) return undefined;
  const after = tokens[at + 1];
  const scaleAfter = isWord(after) && (lexicon.bigWords.has(after.norm) || lexicon.articles.has(after.norm));
  if (isWord(after) && !lexicon.fractionFollowers.has(after.norm) && !scaleAfter) return undefined;
  // "third-party", "tiers-monde", "half-year" are words of their own; "demi-million", "demi-douzaine" are not
  if (isDash(after) && after!.start === tokens[at]!.end && !scaleWordAt(tokens, at + 2, lexicon))
    return undefined;
  return spoken(first, at + 1, numerator / denominator, {
    fraction: true,
    precision: FRACTION_PRECISION,
    isInteger: false,
  });
}

/** A scale word or approximate noun at `index` ("million", "mille", "douzaine"). */
const scaleWordAt = (tokens: readonly Token[], index: number, lexicon: Lexicon): boolean => {
  const word = tokens[index];
  return (
    isWord(word) &&
    (lexicon.bigWords.has(word.norm) ||
      lexicon.thousandWords.has(word.norm) ||
      lexicon.approximateNouns.has(word.norm))
  );
};

/** "la moitié", "de moitié", "half", "a half" — but not "first half" (a calendar half) nor "half-year". */
function readHalf(tokens: readonly Token[], index: number, lexicon: Lexicon): Core | undefined {
  const token = tokens[index]!;
  const fraction = { fraction: true, precision: FRACTION_PRECISION, isInteger: false };
  if (lexicon.halfArticles.has(token.norm) && lexicon.halfWords.has(tokens[index + 1]?.norm ?? '')) {
    if (lexicon.lang === 'fr' || !isDash(tokens[index + 2])) return spoken(index, index + 2, 0.5, fraction);
  }
  if (lexicon.lang !== 'en' || !lexicon.halfWords.has(token.norm)) return undefined;
  const before = tokens[index - 1];
  if (isDash(tokens[index + 1]) || (isWord(before) && lexicon.ordinals.has(before.norm))) return undefined;
  return spoken(index, index + 1, 0.5, fraction);
}

/** Whether a small number word may follow what has been read so far ("vingt" + "et un", "cent" + "cinq"). */
function mayAdd(value: number, place: Place, last: number, joinedByAnd: boolean, lexicon: Lexicon): boolean {
  const fr = lexicon.lang === 'fr';
  if (value === 0) return place === 'none';
  if (joinedByAnd)
    return fr ? place === 'ten' && (value === 1 || value === 11) : place !== 'none' && place !== 'unit';
  switch (place) {
    case 'none':
    case 'hundred':
    case 'thousand':
    case 'big':
      return true;
    case 'ten':
      return value < 10 || (fr && (last === 60 || last === 80) && value < 20);
    case 'teen':
      return fr && last === 10 && value >= 7 && value <= 9;
    default:
      return false;
  }
}

/** The index of the next candidate word after `index`, across a hyphen or an "et"/"and". */
function following(tokens: readonly Token[], index: number, lexicon: Lexicon): { at: number; and: boolean } {
  const next = tokens[index + 1];
  const after = tokens[index + 2];
  // "vingt-deux", and "fifty - two" spaced: whether the words add up is for the caller to judge
  if (isDash(next) && isWord(after)) {
    // "soixante-et-onze", "vingt-et-un": the "et" sits between two hyphens
    const dash = tokens[index + 3];
    if (isWord(after) && lexicon.andWords.has(after.norm) && isDash(dash) && dash!.start === after.end)
      return { at: index + 4, and: true };
    return { at: index + 2, and: false };
  }
  if (isWord(next) && lexicon.andWords.has(next.norm)) return { at: index + 2, and: true };
  return { at: index + 1, and: false };
}

/** "half a million", "a quarter million", "three quarters billion": a spoken fraction of a scale word. */
function ofScale(tokens: readonly Token[], fraction: Core | undefined, lexicon: Lexicon): Core | undefined {
  if (!fraction) return undefined;
  const dash = tokens[fraction.next];
  const glued = isDash(dash) && dash!.start === tokens[fraction.next - 1]!.end;
  const at = glued
    ? fraction.next + 1
    : lexicon.articles.has(tokens[fraction.next]?.norm ?? '')
      ? fraction.next + 1
      : fraction.next;
  const word = tokens[at];
  if (!isWord(word)) return fraction;
  const big =
    lexicon.bigWords.get(word.norm) ?? (lexicon.thousandWords.has(word.norm) ? THOUSAND : undefined);
  if (!big) {
    // "half a dozen", "une demi-douzaine"
    const noun = lexicon.approximateNouns.get(word.norm);
    if (!noun || noun.value * fraction.value !== Math.round(noun.value * fraction.value)) return fraction;
    return spoken(fraction.first, at + 1, noun.value * fraction.value, {
      approximate: !noun.exactWhenCounted,
    });
  }
  const value = Math.round(fraction.value * 10 ** big.exp);
  return spoken(fraction.first, at + 1, value, { scale: big.scale, hasScaleWord: big.exp >= 6 });
}

const THOUSAND: ScaleSpec = { exp: 3, scale: 'thousand' };

/** A spelled ordinal joined to the words before it ("vingt et unième", "twenty-first"): they are no cardinal. */
function ordinalFollows(tokens: readonly Token[], last: number, lexicon: Lexicon, small: boolean): boolean {
  const next = following(tokens, last, lexicon);
  const word = tokens[next.at];
  if (!isWord(word) || (lexicon.fractionWords.has(word.norm) && (next.at === last + 1 || small)))
    return false;
  const joined = next.at > last + 1 || lexicon.lang === 'fr';
  return joined && lexicon.ordinalEndings.some((ending) => word.norm.endsWith(ending));
}

/** The decimals spoken after "point" / "virgule": digit by digit ("zero three") or as one number ("seventy-one"). */
function spokenDecimals(
  tokens: readonly Token[],
  at: number,
  lexicon: Lexicon,
): { digits: string; next: number } | undefined {
  let digits = '';
  let next = at;
  for (let token = tokens[next]; isWord(token); token = tokens[++next]) {
    const value = lexicon.numberWords.get(token.norm);
    if (value === undefined || value > 9) break;
    digits += String(value);
  }
  if (digits.length > 1 || (digits && !isDash(tokens[next]))) return { digits, next };
  const number = readSpelledNumber(tokens, at, lexicon);
  if (number?.scale !== 'one' || !number.isInteger || number.value >= 1000) return undefined;
  return { digits: String(number.value), next: number.next };
}

/** "three point five million", "trois virgule cinq millions", "two hundred point zero three". */
function readSpokenDecimal(
  tokens: readonly Token[],
  start: number,
  whole: number,
  mark: number,
  lexicon: Lexicon,
): Core | undefined {
  if (!lexicon.decimalWords.has(tokens[mark]?.norm ?? '')) return undefined;
  const decimals = spokenDecimals(tokens, mark + 1, lexicon);
  if (!decimals) return undefined;
  const value = Number(`${whole}.${decimals.digits}`);
  const word = tokens[decimals.next];
  const big = isWord(word) ? lexicon.bigWords.get(word.norm) : undefined;
  const exp = big?.exp ?? 0;
  return spoken(start, big ? decimals.next + 1 : decimals.next, Number(`${value}e${exp}`), {
    precExp: exp - decimals.digits.length,
    isInteger: false,
    scale: big?.scale ?? 'one',
    hasScaleWord: Boolean(big),
  });
}

/** "one and a half", "cinq et un quart", "cent et trois quarts", "trois et demi": a whole number and a fraction. */
export function readMixed(
  tokens: readonly Token[],
  start: number,
  whole: number,
  and: number,
  lexicon: Lexicon,
): Core | undefined {
  if (!lexicon.andWords.has(tokens[and]?.norm ?? '')) return undefined;
  const part = tokens[and + 1];
  if (isWord(part) && lexicon.fractionWords.get(part.norm) === 2)
    return spoken(start, and + 2, whole + 0.5, { precExp: -1, isInteger: false });
  const fraction = readSpelledNumber(tokens, and + 1, lexicon, true);
  if (!fraction?.fraction || fraction.value >= 1 || fraction.next !== fractionEnd(tokens, and + 1, lexicon))
    return undefined;
  return spoken(start, fraction.next, whole + fraction.value, { precExp: -2, isInteger: false });
}

/** Where a spoken fraction starting at `index` ends, before any scale word it may take. */
function fractionEnd(tokens: readonly Token[], index: number, lexicon: Lexicon): number {
  let at = index;
  while (
    isWord(tokens[at]) &&
    !lexicon.fractionWords.has(tokens[at]!.norm) &&
    !lexicon.halfWords.has(tokens[at]!.norm)
  )
    at++;
  return at + 1;
}

/** "une douzaine", "a dozen", and "dozens of", "des dizaines de": an approximate count. */
function readApproximate(tokens: readonly Token[], start: number, lexicon: Lexicon): Core | undefined {
  const first = tokens[start]!;
  const noun = tokens[start + 1];
  const counted = isWord(noun) ? lexicon.approximateNouns.get(noun.norm) : undefined;
  if (counted && lexicon.articles.has(first.norm) && !noun!.norm.endsWith('s'))
    return spoken(start, start + 2, counted.value, { approximate: true });
  const plural = lexicon.approximateNouns.get(first.norm);
  const follower = tokens[start + 1]?.norm ?? '';
  if (plural && first.norm.endsWith('s') && lexicon.fractionFollowers.has(follower))
    return spoken(start, start + 1, plural.value, { approximate: true });
  return undefined;
}

/**
 * Reads a spelled number at `start` ("deux cent cinquante mille", "quatre-vingt-dix", "thirteen", "un milliard",
 * "un tiers", "la moitié"). Returns undefined when the words are not a number.
 */
export function readSpelledNumber(
  tokens: readonly Token[],
  start: number,
  lexicon: Lexicon,
  fractionOnly = false,
): Core | undefined {
  /** A fraction may take a scale ("half a million"), except inside a mixed number ("two and a half million"). */
  const scaleFraction = (tokens: readonly Token[], fraction: Core | undefined, lexicon: Lexicon) =>
    fractionOnly ? fraction : ofScale(tokens, fraction, lexicon);
  const first = tokens[start];
  if (!isWord(first)) return undefined;
  const half = readHalf(tokens, start, lexicon);
  if (half) return scaleFraction(tokens, half, lexicon);
  const approximate = readApproximate(tokens, start, lexicon);
  if (approximate) return approximate;
  const bare = lexicon.fractionWords.get(first.norm);
  if (bare !== undefined && lexicon.bigWords.has(tokens[start + 1]?.norm ?? '')) {
    return scaleFraction(
      tokens,
      spoken(start, start + 1, 1 / bare, { fraction: true, isInteger: false }),
      lexicon,
    );
  }

  let total = 0;
  let current = 0;
  let place: Place = 'none';
  let last = 0;
  let words = 0;
  let lastIndex = start - 1;
  let bigExp = Number.POSITIVE_INFINITY;
  let scale: Scale = 'one';
  let candidate = { at: start, and: false };
  let counted: 'exact' | 'about' | undefined;

  if (lexicon.articles.has(first.norm)) {
    const next = tokens[start + 1];
    if (isWord(next) && lexicon.fractionWords.has(next.norm))
      return scaleFraction(tokens, readFraction(tokens, start, 1, start + 1, lexicon), lexicon);
    const multiplier =
      isWord(next) &&
      (lexicon.hundredWords.has(next.norm) ||
        lexicon.thousandWords.has(next.norm) ||
        lexicon.bigWords.has(next.norm));
    if (!multiplier)
      return (
        readMixed(tokens, start, 1, start + 1, lexicon) ?? spoken(start, start + 1, 1, { gate: 'article' })
      );
    current = 1;
    place = 'unit';
    last = 1;
    words = 1;
    lastIndex = start;
    candidate = { at: start + 1, and: false };
  }

  while (candidate.at < tokens.length) {
    const token = tokens[candidate.at];
    if (!isWord(token)) break;
    const norm = token.norm;
    let value = lexicon.numberWords.get(norm);
    let at = candidate.at;
    if (value === 4 && lexicon.lang === 'fr') {
      // "quatre-vingt(s)" is eighty, not four then twenty
      const next = following(tokens, at, lexicon);
      const vingt = tokens[next.at];
      if (!next.and && isWord(vingt) && (vingt.norm === 'vingt' || vingt.norm === 'vingts')) {
        value = 80;
        at = next.at;
      }
    }
    if (value !== undefined) {
      if (!mayAdd(value, place, last, candidate.and, lexicon)) break;
      // "twenty and three fifths" is twenty plus a fraction, read after the loop
      if (candidate.and && lexicon.fractionWords.has(tokens[at + 1]?.norm ?? '')) break;
      current += value;
      last = value;
      place = value < 10 ? 'unit' : value < 20 ? 'teen' : 'ten';
    } else if (lexicon.hundredWords.has(norm)) {
      const limit = lexicon.lang === 'fr' ? 10 : 100;
      if (candidate.and || !(place === 'none' || (current < limit && place !== 'hundred'))) break;
      current = (current || 1) * 100;
      place = 'hundred';
    } else if (lexicon.thousandWords.has(norm)) {
      if (candidate.and || bigExp <= 3) break;
      total += (current || 1) * 1000;
      current = 0;
      place = 'thousand';
      bigExp = 3;
      scale = 'thousand';
    } else if (lexicon.approximateNouns.has(norm)) {
      // "trois douzaines" is 36; "deux centaines" about 200
      const noun = lexicon.approximateNouns.get(norm)!;
      if (candidate.and || place === 'none' || place === 'big' || place === 'thousand') break;
      current *= noun.value;
      counted = noun.exactWhenCounted ? 'exact' : 'about';
      words++;
      lastIndex = at;
      break;
    } else {
      const big = lexicon.bigWords.get(norm);
      if (!big || candidate.and || big.exp >= bigExp || place === 'none') break;
      total += (current || 1) * 10 ** big.exp;
      current = 0;
      place = 'big';
      bigExp = big.exp;
      scale = big.scale;
    }
    words++;
    lastIndex = at;
    candidate = following(tokens, at, lexicon);
  }
  if (words === 0) return undefined;

  const value = total + current;
  const next = lastIndex + 1;
  if (counted) return spoken(start, next, value, { approximate: counted === 'about' });
  if (place !== 'big' && place !== 'thousand') {
    const decimal = readSpokenDecimal(tokens, start, value, next, lexicon);
    if (decimal) return decimal;
  }
  // "one-third", "two-thirds": a numerator under ten joined to its denominator
  const small = value >= 1 && value < 10 && place === 'unit';
  if (ordinalFollows(tokens, lastIndex, lexicon, small)) return undefined;
  const joined = following(tokens, lastIndex, lexicon);
  if (
    small &&
    !joined.and &&
    joined.at === lastIndex + 2 &&
    lexicon.fractionWords.has(tokens[joined.at]?.norm ?? '')
  )
    return scaleFraction(tokens, readFraction(tokens, start, value, joined.at, lexicon), lexicon);
  const scaled = current === 0 && (place === 'big' || place === 'thousand');
  if (scaled) {
    // "deux millions et demi" is 2.5 million: the fraction is of the scale just written
    const unit = 10 ** (place === 'big' ? bigExp : 3);
    const part = readMixed(tokens, start, 0, next, lexicon);
    if (part)
      return spoken(start, part.next, value + Math.round(part.value * unit), {
        scale,
        hasScaleWord: place === 'big',
      });
  } else {
    const mixed = readMixed(tokens, start, value, next, lexicon);
    if (mixed) return mixed;
  }
  const fractionWord = tokens[next];
  if (isWord(fractionWord) && lexicon.fractionWords.has(fractionWord.norm) && place !== 'big') {
    return scaleFraction(tokens, readFraction(tokens, start, value, next, lexicon), lexicon);
  }
  let gate: Gate = 'none';
  if (words === 1) {
    if (lexicon.loneOne.has(first.norm)) gate = 'loneOne';
    else if (lexicon.articles.has(first.norm)) gate = 'article';
    else if (lexicon.ambiguousWords.has(first.norm)) gate = 'ambiguous';
  }
  return spoken(start, next, value, {
    scale: scaled ? scale : 'one',
    hasScaleWord: scaled && place === 'big',
    gate,
  });
}
