import type { Lang } from '../schema/index.ts';
import { readCalendar } from './calendar.ts';
import { shift } from './digits.ts';
import type { Draft } from './draft.ts';
import { type Lexicon, lexiconFor, type QualifierEntry } from './lexicon.ts';
import { nameSpans } from './names.ts';
import { normalize, originalSpan } from './normalize.ts';
import { shareRanges } from './ranges.ts';
import { readRatio } from './ratio.ts';
import { readScale } from './scales.ts';
import { type Token, tokenize } from './tokenize.ts';
import type { MentionUnit, NumberMention } from './types.ts';
import { isDash, readCents, readCore, readUnit } from './units.ts';
import { readMixed } from './words.ts';

/** Where the number proper starts: after a minus word or sign that applies to it. */
function readSign(
  tokens: readonly Token[],
  index: number,
  lexicon: Lexicon,
): { negative: boolean; next: number } {
  const token = tokens[index];
  const next = tokens[index + 1];
  if (!token) return { negative: false, next: index };
  if (token.kind === 'word' && lexicon.minusWords.has(token.norm) && readCore(tokens, index + 1, lexicon)) {
    return { negative: true, next: index + 1 };
  }
  // "- 10 k" at the very start of a text; "-$5" glued to a currency
  if (isDash(token) && next && index === 0 && next.kind === 'num') return { negative: true, next: 1 };
  const before = tokens[index - 1];
  const alone = !before || before.end < token.start || before.kind === 'sym';
  if (isDash(token) && next?.start === token.end && alone && lexicon.prefixes.match(tokens, index + 1)) {
    return { negative: true, next: index + 1 };
  }
  return { negative: false, next: index };
}

const LONE_UNITS = new Set<MentionUnit>(['USD', 'EUR', 'percent', 'percentagePoint', 'MW', 'GW']);

/** An approximate noun after digits ("3 douzaines"). */
function readCountedNoun(tokens: readonly Token[], index: number, lexicon: Lexicon) {
  const token = tokens[index];
  return token?.kind === 'word' ? lexicon.approximateNouns.get(token.norm) : undefined;
}

/** "plus de 2000 mineurs" counts miners; "over 2026 and 2027" is a span of years. */
const beforeNoun = (token: Token | undefined, lexicon: Lexicon): boolean =>
  token?.kind === 'word' && !lexicon.andWords.has(token.norm) && !lexicon.rangeConnectives.has(token.norm);

/** A quantity at `start`: [sign] [currency] number [scale] [unit] [cents], or "percent of" number. */
function readQuantity(
  tokens: readonly Token[],
  start: number,
  qualifierFirst: number,
  hedge: QualifierEntry | undefined,
  lexicon: Lexicon,
): Draft | undefined {
  const sign = readSign(tokens, start, lexicon);
  let at = sign.next;
  let unit: MentionUnit | undefined;
  const percentFirst = lexicon.percentPrefixes.match(tokens, at);
  if (percentFirst) {
    at = percentFirst.next;
    unit = 'percent';
  }
  let prefix = percentFirst ? undefined : lexicon.prefixes.match(tokens, at);
  // "x2" is a multiple; a lone "x" before a spaced number is a letter or a product
  if (prefix?.value === 'multiple' && tokens[prefix.next]?.start !== tokens[at]!.end) prefix = undefined;
  if (prefix) at = prefix.next;
  const read = readCore(tokens, at, lexicon);
  const core = (read && !percentFirst && !prefix && readRatio(tokens, read, lexicon)) || read;
  if (!core || (percentFirst && (core.gate !== 'none' || core.fraction))) return undefined;

  const currency = prefix?.value;
  if (currency && currency !== 'foreign') unit = currency;
  let next = core.next;
  let scale = core.scale;
  let scaleExp = 0;
  let unitExp = 0;
  let foreign = currency === 'foreign';
  let hasScaleWord = core.hasScaleWord;
  let half = 0;
  if (!core.fraction && core.scale === 'one') {
    const found = readScale(tokens, next, lexicon, currency === 'USD' || currency === 'EUR');
    if (found) {
      ({ exp: scaleExp, scale } = found.spec);
      hasScaleWord = found.spec.exp >= 6;
      next = found.next;
      // "3 millions et demi", "2 billion and a half": a fraction of the scale
      const part = found.word ? readMixed(tokens, core.first, 0, next, lexicon) : undefined;
      if (part) {
        half = part.value;
        next = part.next;
      }
    }
  }
  if (core.fraction) unit = 'fraction';
  else if (currency !== 'foreign' && !percentFirst) {
    const found = readUnit(tokens, next, lexicon, { hasScaleWord, digits: !core.words, prefix: currency });
    if (found) {
      unit = found.spec.foreign ? undefined : found.spec.unit;
      foreign = found.spec.foreign ?? false;
      unitExp = found.spec.exp ?? 0;
      next = found.next;
    }
  }
  const measured = unit !== undefined || foreign;
  // French "coûte un dollar": the article is a number before money, a percent or a power; "d'un bitcoin",
  // "un an" and "par un dollar" stay articles (a unit price, a duration)
  const before = tokens[start - 1]?.norm ?? '';
  const lone =
    core.gate === 'article' &&
    lexicon.loneOne.has(tokens[core.first]!.norm) &&
    LONE_UNITS.has(unit ?? 'count') &&
    !lexicon.fractionFollowers.has(before) &&
    !lexicon.rangeOpeners.has(before);
  // "repartir de zéro", "start from zero": a starting point, not a figure
  if (core.words && core.value === 0 && !measured && lexicon.rangeOpeners.has(before)) return undefined;
  if (core.gate === 'article' && !lone && !(hedge && !hedge.calendarOnly && measured)) return undefined;
  // "minus one" is a number: the sign says so
  const signed = sign.negative;
  if ((core.gate === 'loneOne' || core.gate === 'ambiguous') && !measured && scaleExp === 0 && !signed)
    return undefined;

  let value = half ? core.value + half : core.value;
  let precExp = half ? Math.min(core.precExp, -2) : core.precExp;
  let approximate = core.approximate ?? false;
  const noun =
    !core.words && !measured && scaleExp === 0 ? readCountedNoun(tokens, next, lexicon) : undefined;
  if (noun) {
    // "3 douzaines" is 36, "2 centaines" about 200
    value *= noun.value;
    approximate = !noun.exactWhenCounted;
    next++;
  }
  if (
    (unit === 'USD' || unit === 'EUR') &&
    unitExp === 0 &&
    scaleExp === 0 &&
    core.isInteger &&
    !core.fraction
  ) {
    const cents = readCents(tokens, next, lexicon, core.words);
    if (cents) {
      value = (value * 100 + cents.cents) / 100;
      precExp = -2;
      next = cents.next;
    }
  }
  const exp = scaleExp + unitExp;
  const scaled = sign.negative ? -shift(value, exp) : shift(value, exp);
  const counted = unit ?? 'count';
  const yearCandidate =
    counted === 'count' &&
    exp === 0 &&
    core.plain &&
    !prefix &&
    !foreign &&
    !sign.negative &&
    tokens[core.first]!.text.length === 4 &&
    value >= 1900 &&
    value <= 2100 &&
    (!hedge || hedge.calendarOnly || !beforeNoun(tokens[next], lexicon));
  // a general hedge before a year only says "around" ("around 2025"); "over 2026" means during it
  const yearHedge = hedge && (hedge.calendarOnly || hedge.qualifier === 'about') ? hedge.qualifier : 'exact';
  const unhedged = approximate ? 'about' : 'exact';
  const qualifier = yearCandidate ? yearHedge : hedge && !hedge.calendarOnly ? hedge.qualifier : unhedged;
  return {
    first: start,
    next,
    qualifierFirst,
    value: scaled,
    unit: yearCandidate ? 'year' : counted,
    scale,
    precision: yearCandidate ? 1 : (core.precision ?? shift(1, precExp + exp)),
    qualifier,
    ...(yearCandidate ? { period: String(value) } : {}),
    bare: counted === 'count' && exp === 0 && !prefix && !foreign && !core.fraction,
    yearCandidate,
    scaleExp,
    unitExp,
  };
}

/** The mention starting at token `index` (a qualifier, then a calendar reference or a quantity), if any. */
function readMention(tokens: readonly Token[], index: number, lexicon: Lexicon): Draft | undefined {
  if (tokens[index]!.kind === 'mask') return undefined;
  const hedge = lexicon.qualifiers.match(tokens, index);
  const start = hedge ? hedge.next : index;
  const calendar = readCalendar(tokens, start, lexicon);
  if (!calendar) return readQuantity(tokens, start, index, hedge?.value, lexicon);
  return {
    first: calendar.first,
    next: calendar.next,
    qualifierFirst: index,
    value: calendar.value,
    unit: calendar.unit,
    scale: 'one',
    precision: 1,
    qualifier: hedge?.value.qualifier ?? 'exact',
    period: calendar.period,
    bare: false,
    yearCandidate: false,
    scaleExp: 0,
    unitExp: 0,
  };
}

/** What the caller knows of the text's world. */
export interface ExtractOptions {
  /**
   * Names and aliases that contain digits but are not numbers (an entity registry's "S&P 500", "Hut 8"): masked,
   * matched case-insensitively with any run of spaces.
   */
  names?: readonly string[];
}

/**
 * Finds every number written in a French or English text: digits in either language's conventions, spelled
 * numbers, scales, currencies and units, multipliers, dates and periods, ranges and qualifiers. Digits of any script
 * are read; spans point into `text` as given. Identifiers (COVID-19, versions, times, fact ids, the `names` passed)
 * are masked first and yield nothing; the numbers in a link's path and in a Discord timestamp are reported.
 */
export function extractNumbers(text: string, lang: Lang, options: ExtractOptions = {}): NumberMention[] {
  const lexicon = lexiconFor(lang);
  const normalized = normalize(text);
  const tokens = tokenize(normalized.text, lexicon, nameSpans(normalized.text, options.names));
  const drafts: Draft[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    if ((token.kind === 'word' || token.kind === 'sym') && !lexicon.starters.has(token.norm)) {
      index++;
      continue;
    }
    const draft = readMention(tokens, index, lexicon);
    if (draft) {
      drafts.push(draft);
      index = draft.next;
    } else index++;
  }
  shareRanges(drafts, tokens, lexicon);
  return drafts.map((draft) => {
    const [start, end] = originalSpan(normalized, tokens[draft.first]!.start, tokens[draft.next - 1]!.end);
    return {
      text: text.slice(start, end),
      start,
      end,
      value: draft.value,
      unit: draft.unit,
      scale: draft.scale,
      precision: draft.precision,
      qualifier: draft.qualifier,
      ...(draft.period ? { period: draft.period } : {}),
    };
  });
}
