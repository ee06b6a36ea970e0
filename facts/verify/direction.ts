import { extractNumbers, renderFactText } from '../numbers/index.ts';
import type { Fact, Lang, Measure, QuantityValue, Role } from '../schema/index.ts';
import { readClaims } from './claims.ts';
import { splitSentences } from './clauses.ts';
import type { ClaimLexicon, Direction } from './lexicon.ts';
import { compareWithValue, isCalendar } from './match.ts';

const BASE: ReadonlySet<Role> = new Set(['from', 'previous', 'low', 'expected']);
const MAIN: ReadonlySet<Role> = new Set(['to', 'current', 'high', 'actual']);
/** Pairs that are a move in time; a result against its forecast or a range's bounds is no rise or fall. */
const TEMPORAL: ReadonlySet<Role> = new Set(['from', 'to', 'previous', 'current']);

export const isBaseRole = (role: Role | undefined) => role !== undefined && BASE.has(role);
export const isMainRole = (role: Role | undefined) => role !== undefined && MAIN.has(role);

/** The way a change value went: its `direction`, else its sign read through the measure's `up`. */
function changeDirection(value: QuantityValue, measure: Measure): Direction | undefined {
  if (value.direction) return value.direction;
  if (!value.value) return undefined;
  const positive = value.value > 0;
  return positive === (measure.change!.up === 'positive') ? 'up' : 'down';
}

/**
 * Which way a stored value went, from the data first: a change measure's own direction, the move between the two
 * values of a pair (24 → 46), the change the fact gives of this level (revenue, +156 %); failing that, the direction
 * word the fact's own sentence attaches to it ("fell to {price}", "during downturns").
 */
// Shared by every verifier: the answer engine builds one per question, and a fact's sentence reads the same each time.
const fromText = new Map<string, Array<Direction | undefined>>();

export class StoredDirections {
  constructor(
    private readonly measures: ReadonlyMap<string, Measure>,
    private readonly lexicon: (lang: Lang) => ClaimLexicon,
  ) {}

  of(fact: Fact, value: QuantityValue, lang: Lang): Direction | undefined {
    const measure = value.measure ? this.measures.get(value.measure) : undefined;
    if (measure?.change) return changeDirection(value, measure);
    const quantities = fact.values.filter((v): v is QuantityValue => v.kind === 'quantity');
    const counterpart = quantities.find(
      (other) =>
        other !== value &&
        other.measure === value.measure &&
        other.unit === value.unit &&
        TEMPORAL.has(value.role!) &&
        TEMPORAL.has(other.role!) &&
        ((isMainRole(value.role) && isBaseRole(other.role)) ||
          (isBaseRole(value.role) && isMainRole(other.role))),
    );
    if (counterpart && value.measure) {
      const [main, base] = isMainRole(value.role) ? [value, counterpart] : [counterpart, value];
      if (main.value !== base.value) return Math.abs(main.value) > Math.abs(base.value) ? 'up' : 'down';
    }
    const change = quantities.find((other) => {
      const otherMeasure = other.measure ? this.measures.get(other.measure) : undefined;
      return otherMeasure?.change?.of !== undefined && otherMeasure.change.of === value.measure;
    });
    if (change) return changeDirection(change, this.measures.get(change.measure!)!);
    return this.textDirection(fact, value, lang);
  }

  private textDirection(fact: Fact, value: QuantityValue, lang: Lang): Direction | undefined {
    const key = `${lang}\u0001${fact.text[lang]}\u0001${JSON.stringify(fact.values)}`;
    let directions = fromText.get(key);
    if (!directions) {
      if (fromText.size > 10_000) fromText.clear();
      const text = renderFactText(fact, lang);
      const mentions = extractNumbers(text, lang);
      const { claims } = readClaims(text, mentions, splitSentences(text, lang), this.lexicon(lang));
      directions = fact.values.map((candidate) => {
        const index = mentions.findIndex(
          (mention) =>
            isCalendar(mention) === (candidate.kind === 'date') &&
            compareWithValue(mention, candidate) === 'match',
        );
        const claim = index === -1 ? undefined : claims[index];
        // A result against its forecast is said with beat/missed whatever the measure.
        const surprise =
          candidate.kind === 'quantity' && (candidate.role === 'actual' || candidate.role === 'expected');
        return claim?.sign ?? claim?.directions.find((word) => !word.measure || surprise)?.dir;
      });
      fromText.set(key, directions);
    }
    return directions[fact.values.indexOf(value)];
  }
}
