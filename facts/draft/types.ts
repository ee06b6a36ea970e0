import type { Entity, FactKind, Lang, Qualifier, QuantityUnit, Scale, Source } from '../schema/index.ts';

/** A stretch of the source text, offsets into it (end exclusive), with its words. */
export interface SourceSpan {
  start: number;
  end: number;
  text: string;
}

/** A number of the source as a draft value: the extractor's reading, the measure, and who it is about. */
export interface DraftQuantity {
  key: string;
  kind: 'quantity';
  /** A measure of the registry, or a proposed one (`newMeasure`) named after the words around the number. */
  measure: string;
  newMeasure?: true;
  value: number;
  unit: QuantityUnit;
  scale: Scale;
  decimals: number;
  qualifier: Qualifier;
  period?: string;
}

export interface DraftDate {
  key: string;
  kind: 'date';
  date: string;
  qualifier: Qualifier;
}

export type DraftValue = DraftQuantity | DraftDate;

/** An entity the registry does not hold yet, proposed with the names the source gives it. */
export type ProposedEntity = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'> & { affiliations?: string[] };

/** One checkworthy sentence (or clause) of the source, as a fact a moderator reviews before it is written. */
export interface DraftFact {
  id: string;
  kind: FactKind;
  entities: string[];
  newEntities: ProposedEntity[];
  values: DraftValue[];
  /** The source language's words with `{key}` placeholders; the other language is null until translated. */
  text: { fr: string | null; en: string | null };
  needsTranslation: boolean;
  /** A quote's speaker; its wording in `original` is verbatim, the other language is a translation. */
  quote?: { speaker: string; original: Lang };
  sources: Source[];
  asOf: string;
  span: SourceSpan;
  /** Periods its words name that are no value of it ("third-quarter results"): written as date values. Not printed. */
  periodMentions?: { text: string; period: string }[];
  /** A stored fact this draft repeats (same entities, measure, period, value): not written. */
  duplicateOf: string | null;
  /** A stored fact with the same entities, measure and period but another value: an update to review. */
  conflictsWith: string | null;
}

export type SkipReason = 'noFigure' | 'noEntity';

export interface DraftReport {
  drafts: DraftFact[];
  skipped: { span: SourceSpan; reason: SkipReason }[];
}

/** What a measure registry gives the drafter: ids, cue words per language, and the units each may take. */
export interface MeasureCues {
  id: string;
  cues: { fr: readonly string[]; en: readonly string[] };
  units: readonly string[];
}

/** Where the text comes from, as the caller knows it. */
export interface DraftSourceInfo {
  lang: Lang;
  title?: string;
  publisher?: string;
  /** `YYYY-MM-DD`: the source's date; also the reference year for "the third quarter". */
  date?: string;
  url?: string;
}
