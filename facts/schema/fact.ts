import { z } from 'zod';
import {
  ActorSchema,
  BilingualTextSchema,
  IsoDateSchema,
  LangSchema,
  SlugSchema,
  TimestampSchema,
} from './common.ts';
import { FactValueSchema } from './value.ts';

export const FactKindSchema = z.enum(['figure', 'quote', 'event']);
export type FactKind = z.infer<typeof FactKindSchema>;

export const FactStatusSchema = z.enum(['draft', 'verified', 'retired']);
export type FactStatus = z.infer<typeof FactStatusSchema>;

/** Where a fact comes from, and where in that source it stands. */
/** A source's identity: the same article cited by several facts counts once. */
export const sourceKey = (source: { title: string; publisher: string; url?: string | undefined }): string =>
  `${source.title}|${source.publisher}|${source.url ?? ''}`;

export const SourceSchema = z.strictObject({
  title: z.string().trim().min(1),
  publisher: z.string().trim().min(1),
  lang: LangSchema,
  date: IsoDateSchema,
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** Where in the source: a section title, a paragraph, a list item. */
  locator: z.string().trim().min(1),
});
export type Source = z.infer<typeof SourceSchema>;

/** Who said it and which language is the original wording; the other language is a translation. */
export const QuoteSchema = z.strictObject({
  speaker: SlugSchema,
  original: LangSchema,
  /** Index in `sources` of the source that carries the original wording, when it is not the first one. */
  originalSource: z.number().int().min(0).optional(),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** `{key}` renders a value with its unit; `{key:n}` renders the number alone (for "3 à {max:n} ans"). */
export const PLACEHOLDER = /\{([a-z][a-zA-Z0-9]*)(?::(n))?\}/g;

const FactShape = z.strictObject({
  id: SlugSchema,
  kind: FactKindSchema,
  entities: z.array(SlugSchema).min(1),
  values: z.array(FactValueSchema),
  /** One faithful sentence per language; for a quote, the quoted words. May hold `{key}` placeholders. */
  text: BilingualTextSchema,
  quote: QuoteSchema.optional(),
  /**
   * A draft whose text in this language still awaits its translation: it holds the source language's words until a
   * moderator (or a translation that passes parity) writes it, and cannot be verified before.
   */
  needsTranslation: LangSchema.optional(),
  sources: z.array(SourceSchema).min(1),
  status: FactStatusSchema,
  version: z.number().int().min(1),
  /** The date the fact is true as of. */
  asOf: IsoDateSchema,
  createdBy: ActorSchema,
  createdAt: TimestampSchema,
  updatedBy: ActorSchema,
  updatedAt: TimestampSchema,
  verifiedBy: ActorSchema.optional(),
  verifiedAt: TimestampSchema.optional(),
});

/** A rule the whole fact breaks, as a problem code (facts/problem.ts) that locales word. */
const broken = (path: PropertyKey[], code: string, params: Record<string, string> = {}) =>
  ({ code: 'custom', path, message: code, params: { code, ...params } }) as const;

export const FactSchema = FactShape.superRefine((fact, ctx) => {
  const keys = new Set<string>();
  fact.values.forEach((value, index) => {
    if (keys.has(value.key))
      ctx.addIssue(broken(['values', index, 'key'], 'duplicateKey', { key: value.key }));
    keys.add(value.key);
  });
  for (const lang of ['fr', 'en'] as const) {
    for (const match of fact.text[lang].matchAll(PLACEHOLDER)) {
      if (!keys.has(match[1]!))
        ctx.addIssue(broken(['text', lang], 'unknownPlaceholder', { name: `{${match[1]}}` }));
    }
  }
  if (fact.kind === 'quote' && !fact.quote) ctx.addIssue(broken(['quote'], 'quoteNeedsSpeaker'));
  if (fact.kind !== 'quote' && fact.quote) ctx.addIssue(broken(['quote'], 'speakerOnlyForQuotes'));
  if (fact.quote && !fact.entities.includes(fact.quote.speaker))
    ctx.addIssue(broken(['entities'], 'speakerNotAnEntity', { id: fact.quote.speaker }));
  if (fact.quote?.originalSource !== undefined && fact.quote.originalSource >= fact.sources.length)
    ctx.addIssue(broken(['quote', 'originalSource'], 'noSuchSource'));
  if (fact.kind === 'figure' && !fact.values.some((value) => value.kind === 'quantity'))
    ctx.addIssue(broken(['values'], 'figureNeedsNumber'));
  if (fact.status === 'verified' && fact.needsTranslation)
    ctx.addIssue(broken(['text', fact.needsTranslation], 'awaitingTranslation'));
  if (fact.status === 'verified' && !(fact.verifiedBy && fact.verifiedAt))
    ctx.addIssue(broken(['verifiedBy'], 'verifiedNeedsVerifier'));
});
export type Fact = z.infer<typeof FactSchema>;
