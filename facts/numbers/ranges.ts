import { shift } from './digits.ts';
import type { Draft } from './draft.ts';
import type { Lexicon } from './lexicon.ts';
import type { Token } from './tokenize.ts';

const CALENDAR = new Set(['year', 'half', 'quarter', 'month', 'date']);

/** Turns a year candidate back into a plain count ("de 2000 à 3000 salariés"). */
function uncountYear(draft: Draft): void {
  draft.unit = 'count';
  draft.period = undefined;
  draft.yearCandidate = false;
}

/**
 * Ranges share what is written once: "de 205 à 268 milliards de dollars" makes 205 billion dollars too, "3 to 5
 * years" makes 3 years, "2024-25" makes 2025 a year. Years stay years unless an opener ("de", "from") starts the range.
 */
export function shareRanges(drafts: Draft[], tokens: readonly Token[], lexicon: Lexicon): void {
  for (let i = 1; i < drafts.length; i++) {
    const left = drafts[i - 1]!;
    const right = drafts[i]!;
    if (left.next + 1 !== right.qualifierFirst) continue;
    const connective = tokens[left.next]!;
    const openers = lexicon.rangeConnectives.get(connective.norm);
    if (openers === undefined) continue;
    const opener = tokens[left.qualifierFirst - 1]?.norm ?? '';
    if (openers && !openers.has(opener)) continue;
    if (left.yearCandidate) {
      if (right.yearCandidate || right.unit === 'year') continue;
      const glued =
        connective.start === tokens[left.next - 1]!.end && connective.end === tokens[right.first]!.start;
      const short = tokens[right.first]!;
      if (glued && right.bare && short.text.length === 2 && right.value > left.value % 100) {
        const year = left.value - (left.value % 100) + right.value;
        Object.assign(right, {
          unit: 'year',
          period: String(year),
          value: year,
          yearCandidate: true,
          bare: false,
        });
        continue;
      }
      if (!lexicon.rangeOpeners.has(opener)) continue;
      uncountYear(left);
    }
    if (!left.bare || CALENDAR.has(right.unit) || (right.unit === 'count' && right.scaleExp === 0)) continue;
    const exp = right.scaleExp + right.unitExp;
    left.value = shift(left.value, exp);
    left.precision = shift(left.precision, exp);
    left.scale = right.scale;
    left.unit = right.unit;
    left.scaleExp = right.scaleExp;
    left.unitExp = right.unitExp;
    left.bare = false;
  }
}
