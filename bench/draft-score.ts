import type { DraftReport } from '../facts/draft/index.ts';

/** An ingestion expectation file (`shared/eval/README.md`): the figures of an article, its repeats, its new names. */
export interface IngestExpectation {
  lang: 'fr' | 'en';
  figures: { value: number | string; unit: string; entity: string; what: string }[];
  duplicates: string[];
  new_entities: string[];
}

export interface IngestScore {
  figures: number;
  found: number;
  /** Expected figures with no draft value of the right value, unit and entity. */
  missing: string[];
  draftValues: number;
  /** Draft values that are figures of the article (same value and unit as an expected one). */
  ofArticle: number;
  /** Draft values no expected figure accounts for. */
  extra: string[];
  duplicates: { expected: number; found: number; missing: string[] };
  newEntities: { expected: number; found: number; missing: string[] };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

type Value = DraftReport['drafts'][number]['values'][number];

/** Whether a draft value is the expected figure: a date is its day or month, a quantity its fully scaled number and unit. */
const isFigure = (value: Value, figure: IngestExpectation['figures'][number]) =>
  figure.unit === 'date'
    ? value.kind === 'date' && value.date === figure.value
    : value.kind === 'quantity' && value.unit === figure.unit && close(value.value, Number(figure.value));

/** Scores drafts as the README describes: recall of figures with their entity, precision of draft values, repeats found. */
export function scoreIngest(report: DraftReport, expect: IngestExpectation): IngestScore {
  const missing = expect.figures
    .filter(
      (figure) =>
        !report.drafts.some(
          (draft) =>
            draft.entities.includes(figure.entity) && draft.values.some((value) => isFigure(value, figure)),
        ),
    )
    .map((figure) => `${figure.value} ${figure.unit} (${figure.entity}: ${figure.what})`);
  const values = report.drafts.flatMap((draft) => draft.values);
  const extra = values
    .filter((value) => !expect.figures.some((figure) => isFigure(value, figure)))
    .map((value) => (value.kind === 'date' ? value.date : `${value.value} ${value.unit}`));
  const duplicateIds = new Set(report.drafts.map((draft) => draft.duplicateOf).filter(Boolean));
  const proposed = new Set(report.drafts.flatMap((draft) => draft.newEntities.map((entity) => entity.id)));
  const missingDuplicates = expect.duplicates.filter((id) => !duplicateIds.has(id));
  const missingEntities = expect.new_entities.filter((id) => !proposed.has(id));
  return {
    figures: expect.figures.length,
    found: expect.figures.length - missing.length,
    missing,
    draftValues: values.length,
    ofArticle: values.length - extra.length,
    extra,
    duplicates: {
      expected: expect.duplicates.length,
      found: expect.duplicates.length - missingDuplicates.length,
      missing: missingDuplicates,
    },
    newEntities: {
      expected: expect.new_entities.length,
      found: expect.new_entities.length - missingEntities.length,
      missing: missingEntities,
    },
  };
}
