import type { Fact, FactValue, Lang } from '../../../facts/schema/index.ts';

const SCALES: Record<string, { factor: number; fr: string; en: string }> = {
  one: { factor: 1, fr: '', en: '' },
  thousand: { factor: 1e3, fr: 'k', en: 'k' },
  million: { factor: 1e6, fr: 'millions', en: 'million' },
  billion: { factor: 1e9, fr: 'milliards', en: 'billion' },
  trillion: { factor: 1e12, fr: 'billions', en: 'trillion' },
};

/** The scale a number reads best in, when the fact did not say (1000000000 reads as 1 billion). */
const readableScale = (value: number): string =>
  Math.abs(value) >= 1e9 ? 'billion' : Math.abs(value) >= 1e6 ? 'million' : 'one';

/** A plain rendering of a value for tests: `9,7 milliards`, `9.7 billion`, `2025-07`. Units are left out. */
export function renderValue(value: FactValue, lang: Lang, numberOnly = false): string {
  if (value.kind === 'date') return value.date;
  const scaleName = value.scale === 'one' ? readableScale(value.value) : value.scale;
  const scale = SCALES[scaleName]!;
  const shown = (value.value / scale.factor).toFixed(Math.max(value.decimals, 2)).replace(/\.?0+$/, '');
  const number = lang === 'fr' ? shown.replace('.', ',') : shown;
  return numberOnly ? number : `${number} ${scale[lang]}`.trim();
}

/** A fact's text in one language with its placeholders filled by `renderValue`. */
export function renderFact(fact: Fact, lang: Lang): string {
  const values = new Map(fact.values.map((value) => [value.key, value]));
  return fact.text[lang].replace(/\{([a-zA-Z0-9]+)(:n)?\}/g, (whole, key: string, numberOnly?: string) => {
    const value = values.get(key);
    return value ? renderValue(value, lang, Boolean(numberOnly)) : whole;
  });
}
