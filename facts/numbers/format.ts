import { dateTimeFormat, numberFormat } from '../intl-cache.ts';
import {
  type DateValue,
  type Fact,
  type FactValue,
  type Lang,
  PLACEHOLDER,
  type Qualifier,
  type QuantityValue,
  type Scale,
} from '../schema/index.ts';
import { shift } from './digits.ts';
import { ENGLISH_FORMAT } from './lexicon-en-format.ts';
import { FRENCH_FORMAT } from './lexicon-fr-format.ts';
import type { FormatWords } from './types.ts';

const WORDS: Record<Lang, FormatWords> = { fr: FRENCH_FORMAT, en: ENGLISH_FORMAT };
const SCALE_EXP: Record<Scale, number> = { one: 0, thousand: 3, million: 6, billion: 9, trillion: 12 };
const VOWEL = /^[aeiouyhàâäéèêëîïôöùûü]/i;

/** The number in the locale's digits and separators, with exactly `decimals` decimals. */
const formatNumber = (value: number, lang: Lang, decimals: number): string =>
  numberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);

const plural = (n: number, words: FormatWords): 'one' | 'many' =>
  (words.pluralFrom === 'two' ? Math.abs(n) < 2 : Math.abs(n) === 1) ? 'one' : 'many';

/** Puts the hedge in front, eliding French "de" before a vowel ("près d’un tiers"). */
function hedge(words: string, body: string): string {
  if (!words) return body;
  if (words.endsWith(' de') && VOWEL.test(body)) return `${words.slice(0, -2)}d’${body}`;
  return `${words} ${body}`;
}

/** "un tiers", "two thirds", "la moitié" for a fraction that is k/d with d ≤ 10, at the published decimals. */
function speakFraction(value: QuantityValue, words: FormatWords): string | undefined {
  const tolerance = (value.decimals ? 0.5 * 10 ** -value.decimals : 0) + 1e-9;
  if (Math.abs(value.value - 0.5) <= tolerance) return words.half;
  for (let denominator = 3; denominator <= 10; denominator++) {
    const numerator = Math.round(value.value * denominator);
    if (numerator < 1 || numerator > 9 || numerator >= denominator) continue;
    if (Math.abs(value.value - numerator / denominator) > tolerance) continue;
    const name = words.denominators[denominator]!;
    return `${words.numerators[numerator]} ${numerator === 1 ? name.one : name.many}`;
  }
  return undefined;
}

function formatQuantity(value: QuantityValue, lang: Lang, numberOnly: boolean): string {
  const words = WORDS[lang];
  const spoken = value.unit === 'fraction' && !numberOnly ? speakFraction(value, words) : undefined;
  if (spoken) return hedge(words.qualifiers[value.qualifier], spoken);
  const n = shift(value.value, -SCALE_EXP[value.scale]);
  const number = formatNumber(n, lang, value.decimals);
  if (numberOnly) return number;
  const form = plural(n, words);
  const unit = words.units[value.unit];
  const scale = value.scale === 'one' ? undefined : words.scales[value.scale];
  const scaleText = scale ? (scale.glued ? scale[form] : ` ${scale[form]}`) : '';
  let body: string;
  if (unit.prefix) {
    const negative = /^[-−]/.test(number);
    body = `${negative ? '-' : ''}${unit.prefix}${negative ? number.slice(1) : number}${scaleText}`;
  } else if (scale && !scale.glued && unit.afterScaleWord) {
    body = `${number}${scaleText} ${unit.afterScaleWord}`;
  } else if (scale?.glued && unit.afterScaleAbbreviation) {
    body = `${number}${scaleText}${unit.afterScaleAbbreviation}`;
  } else if (unit.one && unit.many) {
    body = `${number}${scaleText}${unit.joiner ?? ' '}${unit[form]}`;
  } else {
    body = `${number}${scaleText}`;
  }
  return hedge(words.qualifiers[value.qualifier], body);
}

/** One period point in words: 2025, T3 2025 / Q3 2025, juillet 2025 / July 2025, 10 septembre 2025 / September 10, 2025. */
function formatPoint(point: string, lang: Lang): string {
  const words = WORDS[lang];
  const [year, part, day] = point.split('-');
  if (!part) return point;
  if (part.startsWith('Q')) return `${words.quarterPrefix}${part.slice(1)} ${year}`;
  if (part.startsWith('H')) return `${words.halfPrefix}${part.slice(1)} ${year}`;
  const date = new Date(Date.UTC(Number(year), Number(part) - 1, Number(day ?? 1)));
  const options: Intl.DateTimeFormatOptions = day
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return dateTimeFormat(lang, options).format(date);
}

function formatDate(value: DateValue, lang: Lang, numberOnly: boolean): string {
  const words = WORDS[lang];
  const [from, to] = value.date.split('/');
  const body = to
    ? `${words.span.before}${formatPoint(from!, lang)}${words.span.between}${formatPoint(to, lang)}`
    : formatPoint(from!, lang);
  return numberOnly ? body : hedge(words.calendarQualifiers[value.qualifier as Qualifier], body);
}

/**
 * A stored value as readers see it, in the locale's format with its published scale, decimals and qualifier:
 * "près de 18 %", "$9.7 billion", "environ 5,9 k BTC", "T3 2025". With `numberOnly`, the bare number in its scale
 * ("9,7"), for phrasings such as "de {min:n} à {max}".
 */
export function formatValue(value: FactValue, lang: Lang, options: { numberOnly?: boolean } = {}): string {
  const numberOnly = options.numberOnly ?? false;
  return value.kind === 'quantity'
    ? formatQuantity(value, lang, numberOnly)
    : formatDate(value, lang, numberOnly);
}

/** A fact's sentence with its `{key}` and `{key:n}` placeholders filled in the given language. */
export function renderFactText(fact: Pick<Fact, 'text' | 'values'>, lang: Lang): string {
  return fact.text[lang].replace(PLACEHOLDER, (whole, key: string, numberOnly?: string) => {
    const value = fact.values.find((candidate) => candidate.key === key);
    return value ? formatValue(value, lang, { numberOnly: numberOnly === 'n' }) : whole;
  });
}
