import { extractNumbers } from '../numbers/index.ts';
import { ATTRIBUTABLE_TYPES, type Entity, type Fact, type Lang, type Source } from '../schema/index.ts';
import { foldText } from '../search/index.ts';
import { assembleDraft, draftId, idParts, keyValues, withPlaceholders } from './build.ts';
import { findConflict, findRepeats, storedQuantities, whoKey } from './compare.ts';
import { ArticleContext } from './context.ts';
import { readEntities } from './entities.ts';
import { quotedIn } from './quotes.ts';
import { type PlacedValue, readSentenceValues } from './sentence-values.ts';
import { type SourceSentence, sourceSentences } from './sentences.ts';
import type { DraftFact, DraftQuantity, DraftReport, DraftSourceInfo, MeasureCues } from './types.ts';
import { DRAFT_WORDS } from './words.ts';

/** What drafting reads: the source and what the store already holds. */
export interface DraftInput {
  text: string;
  source: DraftSourceInfo;
  entities: readonly Entity[];
  facts: readonly Fact[];
  measures: readonly MeasureCues[];
  /** `YYYY-MM-DD`, for a source given no date. */
  today: string;
}

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
};

/** The first line of the source when it reads as a title (short, no closing full stop). */
const headingOf = (text: string) => {
  const first = text.trim().split('\n')[0]?.trim() ?? '';
  return first && first.length <= 160 && !/[.!?]$/.test(first) ? first : undefined;
};

const mentionsSpeech = (words: string, lang: Lang) => {
  const folded = ` ${foldText(words).replace(/[^\p{L}\p{N}-]+/gu, ' ')} `;
  return DRAFT_WORDS[lang].speechVerbs.some((verb) => folded.includes(` ${verb} `));
};

/**
 * Drafts a fact for each checkworthy sentence of a source (figures, dates, quotes with their speaker, statements
 * reported of a named person), in the source's language, and compares each with the store: a repeat is
 * `duplicateOf` the stored fact, the same figure with another value `conflictsWith` it. Pure: no clock, no files.
 */
export function draftFacts(input: DraftInput): DraftReport {
  const { text, source } = input;
  const lang = source.lang;
  const sentences = sourceSentences(text, lang);
  const article = readEntities(text, sentences, lang, input.entities, input.measures);
  const types = new Map([...article.byId.values()].map((entity) => [entity.id, entity.type]));
  const stored = storedQuantities(input.facts, types);
  const periodic = new Set(stored.filter((item) => item.value.period).map((item) => item.measure));
  const mentions = extractNumbers(text, lang, { names: article.numberNames });
  const taken = new Set(input.facts.map((fact) => fact.id));
  const context = new ArticleContext(article.byId);
  const title = source.title ?? headingOf(text) ?? hostOf(source.url) ?? '—';
  const sourceOf = (sentence: SourceSentence): Source => ({
    title,
    publisher: source.publisher ?? hostOf(source.url) ?? title,
    lang,
    date: source.date ?? input.today,
    ...(source.url ? { url: source.url } : {}),
    locator: `¶${sentence.paragraph}`,
  });
  const report: DraftReport = { drafts: [], skipped: [] };
  let period: string | undefined;
  let reference = source.date;

  for (const sentence of sentences) {
    const span = { start: sentence.start, end: sentence.end, text: text.slice(sentence.start, sentence.end) };
    const named = article.named(sentence);
    const here = mentions.filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end);
    const read = readSentenceValues(text, sentence, here, {
      lang,
      measures: input.measures,
      periodic,
      reference,
      period,
    });
    period = read.period;
    reference = read.reference;
    const ids = [...new Set(named.map((hit) => hit.entityId))];
    const attributable = ids.filter((id) => ATTRIBUTABLE_TYPES.has(types.get(id) ?? 'place'));
    const speaks = mentionsSpeech(span.text, lang);
    const person = ids.find((id) => types.get(id) === 'person') ?? (speaks ? context.person() : undefined);
    const company = context.company();
    const withContext = (list: string[]) => {
      const hasCompany = list.some((id) => ['company', 'organization'].includes(types.get(id) ?? ''));
      return !hasCompany && company ? [...list, company] : list;
    };
    const draftOf = (
      kind: DraftFact['kind'],
      entities: string[],
      placed: PlacedValue[],
      words: string,
      cut: typeof span,
      quote?: DraftFact['quote'],
    ) => {
      const values = placed.map((item) => item.value);
      const who = entities.find((id) => ATTRIBUTABLE_TYPES.has(types.get(id) ?? 'place')) ?? entities[0];
      const date = values.find((value) => value.kind === 'date');
      const periodMentions = read.periods
        .filter((item) => item.start >= cut.start && item.end <= cut.end)
        .filter((item) => !values.some((value) => value.kind === 'quantity' && value.period === item.period))
        .map(({ text: words, period }) => ({ text: words, period }));
      const drafted = assembleDraft({
        id: draftId(idParts(kind, quote?.speaker ?? who, values, words), taken),
        kind,
        entities,
        proposals: article.proposals,
        values,
        lang,
        words,
        ...(quote ? { quote } : {}),
        source: sourceOf(sentence),
        asOf:
          source.date ??
          (date?.kind === 'date' && date.date.length === 10 ? date.date : (reference ?? input.today)),
        span: cut,
      });
      return periodMentions.length && kind !== 'quote' ? { ...drafted, periodMentions } : drafted;
    };

    const quoted = quotedIn(text, sentence.start, sentence.end);
    if (quoted.length && person) {
      const inside = keyValues(
        read.values.filter((item) => quoted.some((q) => item.start >= q.start && item.end <= q.end)),
      );
      const entities = [...new Set([person, ...ids, ...affiliationsOf(article.byId.get(person))])];
      const words = quoted.map((q) => q.text).join(' … ');
      report.drafts.push(
        draftOf('quote', entities, inside, words, span, { speaker: person, original: lang }),
      );
      context.see(ids);
      continue;
    }
    if (!read.values.length) {
      if (person && speaks) {
        const entities = withContext([...new Set([...ids, person])]);
        report.drafts.push(draftOf('event', entities, [], span.text, span));
      } else report.skipped.push({ span, reason: 'noFigure' });
      context.see(ids);
      continue;
    }
    const groups = clauseGroups(sentence, read.values, named, attributable, types);
    for (const group of groups) {
      const local = [
        ...new Set(
          named.filter((hit) => hit.start >= group.start && hit.start < group.end).map((hit) => hit.entityId),
        ),
      ];
      const entities = withContext(groups.length > 1 ? local : ids);
      if (!entities.length) {
        report.skipped.push({ span, reason: 'noEntity' });
        continue;
      }
      const placed = keyValues(group.values);
      const cut =
        groups.length > 1
          ? { start: group.start, end: group.end, text: text.slice(group.start, group.end) }
          : span;
      const words = withPlaceholders(text, cut, placed);
      const kind = placed.some((item) => item.value.kind === 'quantity') ? 'figure' : 'event';
      const draft = draftOf(kind, entities, placed, words, cut);
      report.drafts.push(
        ...compareWithStore(draft, placed, whoKey(entities, types), stored, text, cut, taken),
      );
    }
    context.see(ids);
  }
  return report;
}

const affiliationsOf = (entity: { affiliations?: string[] } | undefined) => entity?.affiliations ?? [];

interface Group {
  start: number;
  end: number;
  values: PlacedValue[];
}

/**
 * One group for the sentence, unless its clauses credit figures to different companies ("Bitfarms lost $46 million,
 * and Bitdeer's shares fell 7.5 %"): then one group per clause that names its own, clauses naming none joining the last.
 */
function clauseGroups(
  sentence: SourceSentence,
  values: readonly PlacedValue[],
  named: readonly { entityId: string; start: number }[],
  attributable: readonly string[],
  types: ReadonlyMap<string, string>,
): Group[] {
  const whole = [{ start: sentence.start, end: sentence.end, values: [...values] }];
  if (attributable.length < 2 || sentence.clauses.length < 2) return whole;
  const whoIn = (clause: { start: number; end: number }) =>
    [
      ...new Set(
        named
          .filter(
            (hit) =>
              hit.start >= clause.start &&
              hit.start < clause.end &&
              ATTRIBUTABLE_TYPES.has((types.get(hit.entityId) ?? 'place') as never),
          )
          .map((hit) => hit.entityId),
      ),
    ]
      .sort()
      .join('|');
  const groups: Group[] = [];
  sentence.clauses.forEach((clause, index) => {
    const own = values.filter((item) => item.clause === index);
    const who = whoIn(clause);
    const last = groups.at(-1);
    if (!last || (who && who !== (last as Group & { who?: string }).who))
      groups.push(Object.assign({ ...clause, values: own }, { who }));
    else {
      last.end = clause.end;
      last.values.push(...own);
    }
  });
  const withValues = groups.filter((group) => group.values.length);
  return withValues.length > 1 ? withValues : whole;
}

/**
 * Compares a draft's figures with the store. Repeats of one stored fact become a draft of their own that is
 * `duplicateOf` it (and is not written); the draft keeps its other figures, or is itself the duplicate when it has
 * none. A figure the store holds with another value for the same period marks the draft `conflictsWith` that fact.
 */
function compareWithStore(
  draft: DraftFact,
  placed: readonly PlacedValue[],
  who: string,
  stored: ReturnType<typeof storedQuantities>,
  text: string,
  cut: { start: number; end: number; text: string },
  taken: Set<string>,
): DraftFact[] {
  const repeats = new Map<string, PlacedValue[]>();
  let conflict: string | null = null;
  const quantities = placed.filter((item) => item.value.kind === 'quantity');
  const matches = quantities.map((item) => findRepeats(item.value as DraftQuantity, who, stored));
  // One stored fact that holds every figure of the draft is the one it repeats ("IREN rose 10 % after its $9.7 billion deal").
  const whole = matches[0]?.find((first) =>
    matches.every((found) => found.some((item) => item.fact.id === first.fact.id)),
  );
  if (whole && quantities.length) return [{ ...draft, duplicateOf: whole.fact.id }];
  quantities.forEach((item, index) => {
    const repeat = matches[index]![0];
    if (repeat) repeats.set(repeat.fact.id, [...(repeats.get(repeat.fact.id) ?? []), item]);
    else conflict ??= findConflict(item.value as DraftQuantity, who, stored)?.fact.id ?? null;
  });
  const [first] = repeats.entries();
  if (first && first[1].length === quantities.length && repeats.size === 1 && !conflict) {
    return [{ ...draft, duplicateOf: first[0] }];
  }
  const duplicates = [...repeats].map(([factId, items]) => ({
    ...draft,
    id: draftId([draft.id, 'repeat'], taken),
    values: items.map((item) => item.value),
    text: { ...draft.text, [draft.sources[0]!.lang]: withPlaceholders(text, cut, items) },
    duplicateOf: factId,
  }));
  return [{ ...draft, conflictsWith: conflict }, ...duplicates];
}
