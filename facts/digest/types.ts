import type { AuditEntry, Fact, Lang, Source } from '../schema/index.ts';

/** How a fact changed since the last digest; a fact appears under one heading only. */
export type ChangeKind = 'added' | 'updated' | 'verified' | 'retired';
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'updated', 'verified', 'retired'];

/**
 * What a digest is: the `welcome` briefing of a server's first digest (what the bot covers, key figures), the
 * `changes` since the last digest, or a `quiet` day's short note (key figures, when the server wants them).
 */
export type DigestKind = 'welcome' | 'changes' | 'quiet';

/** One fact as a digest shows it: the fact, the source it is cited from, and when and how it changed. */
export interface DigestEntry {
  fact: Fact;
  source: Source;
  /** When the change was made (the latest audit entry that put it under its heading). */
  changedAt?: string;
  /** Its heading, for a change. */
  change?: ChangeKind;
}

/** What changed, by heading (only the changes the digest lists). */
export type DigestChanges = Record<ChangeKind, DigestEntry[]>;

/** What the store covers, for the welcome briefing: verified facts by kind and the entities most written about. */
export interface DigestCoverage {
  figures: number;
  events: number;
  quotes: number;
  /** Ids of the entities with the most verified facts, most first. */
  topics: string[];
}

/** A digest as data: no sentences, only what to say. `bot/digest/render.ts` turns it into words. */
export interface DigestData {
  lang: Lang;
  kind: DigestKind;
  /** The start of the period the changes cover (exclusive), ISO timestamp; absent when every change counts. */
  since?: string;
  /** The changes to list, best first: figures, then events, then quotes; within each, verified today first. */
  bullets: DigestEntry[];
  /** Changes of the period not listed (only counted, with a pointer to /ask and /facts queue). */
  rest: number;
  /** `bullets` by heading, and the changes left out per heading. */
  changes: DigestChanges;
  more: Record<ChangeKind, number>;
  /** Verified figures to show on a welcome or quiet digest (none already listed under changes). */
  keyFigures: DigestEntry[];
  /** On a welcome digest: what the bot covers. */
  coverage?: DigestCoverage;
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
  /** The server never had a digest: welcome it instead of listing every stored fact as new. */
  first?: boolean;
  /** The instant the digest is for: changes in the 24 hours before it rank first (default: the latest change). */
  now?: Date;
  /** Key figures of a welcome digest (4) and of a quiet day (3) by default. */
  keyFigureCount?: number;
  /** Changes listed before the rest is only counted (5 by default). */
  maxBullets?: number;
}
