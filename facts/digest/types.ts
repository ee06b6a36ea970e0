import type { AuditEntry, Fact, Lang, Source } from '../schema/index.ts';

/** How a fact changed since the last digest; a fact appears under one heading only. */
export type ChangeKind = 'added' | 'updated' | 'verified' | 'retired';
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'updated', 'verified', 'retired'];

/** One fact as a digest shows it: the fact, the source it is cited from, and when it changed (for changes). */
export interface DigestEntry {
  fact: Fact;
  source: Source;
  /** When the change was made (the latest audit entry that put it under its heading). */
  changedAt?: string;
}

/** What changed, by heading, at most `maxPerSection` each; `more` counts the entries left out per heading. */
export type DigestChanges = Record<ChangeKind, DigestEntry[]>;

/** A digest as data: no sentences, only what to say. `bot/digest/render.ts` turns it into words. */
export interface DigestData {
  lang: Lang;
  /** The start of the period the changes cover (exclusive), ISO timestamp; absent when every change counts. */
  since?: string;
  changes: DigestChanges;
  more: Record<ChangeKind, number>;
  /** Today's rotation of verified figures (none already listed under changes). */
  keyFigures: DigestEntry[];
  /** The latest `asOf` among the facts shown. */
  asOf?: string;
  /** Nothing changed in the period. */
  quiet: boolean;
  /** Whether there is anything to post (a quiet day with quiet digests off, or an empty store, has not). */
  postable: boolean;
}

export interface ComposeDigestInput {
  /** Every fact of the store, whatever its status. */
  facts: readonly Fact[];
  /** Audit entries of the facts (at least those since `since`, plus earlier ones to tell "newly verified" apart). */
  history: readonly AuditEntry[];
  since?: Date;
  lang: Lang;
  /** A day number (days since 1970-01-01 of the local date): the key figures rotate with it. */
  rotationDay: number;
  /** Post key figures on days with nothing new. */
  quietDays: boolean;
  /** Key figures per digest (4 by default). */
  keyFigureCount?: number;
  /** Entries per change heading before the rest is only counted (10 by default). */
  maxPerSection?: number;
}
