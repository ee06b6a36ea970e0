import type { ReplyEmbed, Translate } from '../../commands/index.ts';
import type { AnswerMode } from '../../facts/answer/types.ts';
import { composeDigest, type DigestData, type DigestKind, dayNumber } from '../../facts/digest/index.ts';
import type { AuditEntry, Entity, Fact, Lang } from '../../facts/schema/index.ts';
import type { CheckedNumber, Verifier } from '../../facts/verify/index.ts';
import { createVerifier } from '../../facts/verify/index.ts';
import type { Logger } from '../log.ts';
import { DIGEST_MAX_LENGTH, messageLength, packDigest, plainDigest } from './pack.ts';
import { type RenderedDigest, renderDigest, renderWrittenDigest } from './render.ts';

/** What a digest is drawn from: a snapshot of the store. */
export interface DigestSource {
  facts: readonly Fact[];
  entities: readonly Entity[];
  /** The audit trail of the facts (all of it, or at least what changed since the oldest `since` in use). */
  history: readonly AuditEntry[];
}

/** Optional LLM writer for `mode: llm`: prose from the digest's data, or undefined when it cannot write now. */
export type DigestWriter = (data: DigestData, lang: Lang) => Promise<string | undefined>;

/** A snapshot with its verifier and translators, built once and shared by every server's digest of a tick. */
export interface DigestKit {
  source: DigestSource;
  verifier: Verifier;
  translate: (lang: Lang) => Translate;
  writer?: DigestWriter;
  log?: Pick<Logger, 'warn'>;
}

/** Remembers each translation of a kit: servers of one tick render the same facts with the same words. */
function memoizeTranslate(translate: (lang: Lang) => Translate): (lang: Lang) => Translate {
  const byLang = new Map<Lang, Translate>();
  return (lang) => {
    let memo = byLang.get(lang);
    if (!memo) {
      const t = translate(lang);
      const seen = new Map<string, string>();
      memo = (key, params) => {
        const id = params ? `${key}\u0001${JSON.stringify(params)}` : key;
        let text = seen.get(id);
        if (text === undefined) {
          text = t(key, params);
          seen.set(id, text);
        }
        return text;
      };
      byLang.set(lang, memo);
    }
    return memo;
  };
}

/** Remembers each verdict of a kit: servers of one tick check the same sentences against the same facts. */
function memoizeVerifier(verifier: Verifier): Verifier {
  const seen = new Map<string, ReturnType<Verifier['verify']>>();
  return {
    verify(text, lang, factIds) {
      const id = `${lang}\u0001${factIds?.join(',') ?? '*'}\u0001${text}`;
      let report = seen.get(id);
      if (!report) {
        report = verifier.verify(text, lang, factIds);
        seen.set(id, report);
      }
      return report;
    },
  };
}

/** A kit over one snapshot: its verifier is built once, its translations remembered (one tick, many servers). */
export function createDigestKit(
  source: DigestSource,
  translate: (lang: Lang) => Translate,
  extra: Pick<DigestKit, 'writer' | 'log'> = {},
): DigestKit {
  return {
    source,
    verifier: memoizeVerifier(createVerifier(source.facts, source.entities)),
    translate: memoizeTranslate(translate),
    ...extra,
  };
}

export interface BuildDigestOptions {
  lang: Lang;
  /** The server's local date the digest is for: its title and its key-figure rotation. */
  localDate: string;
  /** Changes after this instant; absent: all of them. */
  since?: Date;
  /** The server never had a digest (its digest log has no post): a welcome briefing, not every fact as new. */
  first?: boolean;
  /** When the digest is built: changes of the 24 hours before rank first (default: the latest change's day). */
  now?: Date;
  quietDays: boolean;
  mode: 'template' | 'llm';
}

/** A digest ready to post, or to print. The shape behind `briefing digest --json`. */
export interface BuiltDigest {
  lang: Lang;
  localDate: string;
  /** A welcome briefing, the changes since the last digest, or a quiet day. */
  kind: DigestKind;
  /** False when there is nothing to post (a quiet day with quiet digests off, every item unverifiable…). */
  postable: boolean;
  /** Discord messages, each a list of embeds within Discord's limits. */
  messages: ReplyEmbed[][];
  text: string;
  /** Characters of the message(s) as Discord counts them (titles, descriptions, footers): at most 1,500 per language. */
  length: number;
  /** Items listed (changes, or key figures on a welcome or quiet day). */
  bullets: number;
  facts: string[];
  verified: boolean;
  numbers: CheckedNumber[];
  mode: AnswerMode;
  /** Facts left out because a number of theirs did not verify. */
  dropped: string[];
}

/** Keeps the lines whose claim verifies; a dropped one is logged, never posted. Headings left empty go too. */
function keepVerified(rendered: RenderedDigest, kit: DigestKit, dropped: Set<string>): RenderedDigest {
  const sections = rendered.sections
    .map((section) => ({
      ...section,
      lines: section.lines.flatMap((line) => {
        if (!line.claim) return [line];
        const claim = line.text.slice(line.claim.start, line.claim.end);
        const report = kit.verifier.verify(claim, rendered.lang, line.claim.factIds);
        if (report.ok) return [{ ...line, claim: { ...line.claim, numbers: report.numbers } }];
        const known = line.claim.factIds.every((id) => dropped.has(id));
        for (const id of line.claim.factIds) dropped.add(id);
        if (known) return [];
        const unverified = report.numbers
          .filter((n) => n.status !== 'verified')
          .map((n) => ({ text: n.text, status: n.status, reason: n.reason }));
        kit.log?.warn('digestItemDropped', { lang: rendered.lang, facts: line.claim.factIds, unverified });
        return [];
      }),
    }))
    .filter((section) => !section.heading || section.lines.length > 0);
  return { ...rendered, sections };
}

/** The items a digest lists (changes, withdrawn facts among them, or key figures). */
const itemCount = (rendered: RenderedDigest) =>
  rendered.sections.reduce((sum, section) => sum + section.lines.filter((line) => line.item).length, 0);

/**
 * The template digest with as many items as fit in one message of DIGEST_MAX_LENGTH: the lowest-ranked items go
 * first (they join the count of the rest). Each attempt is verified; verdicts are remembered by the kit.
 */
function fitTemplate(
  kit: DigestKit,
  data: DigestData,
  options: BuildDigestOptions,
  t: Translate,
  dropped: Set<string>,
): { rendered: RenderedDigest; messages: ReplyEmbed[][] } {
  let shown = (data.kind === 'changes' ? data.bullets : data.keyFigures).length;
  for (;;) {
    const rendered = keepVerified(
      renderDigest(data, options.localDate, t, kit.source.entities, shown),
      kit,
      dropped,
    );
    const messages = packDigest(rendered, options.localDate);
    if (shown === 0 || messages.every((embeds) => messageLength(embeds) <= DIGEST_MAX_LENGTH))
      return { rendered, messages };
    shown -= 1;
  }
}

/** Asks the writer for prose and keeps it only if every number in it verifies; otherwise the template stands. */
async function tryWriter(
  kit: DigestKit,
  data: DigestData,
  options: BuildDigestOptions,
  t: Translate,
): Promise<RenderedDigest | undefined> {
  let written: string | undefined;
  try {
    written = await kit.writer!(data, options.lang);
  } catch (error) {
    kit.log?.warn('digestWriterFailed', { lang: options.lang, error });
  }
  if (!written?.trim()) return undefined;
  const rendered = renderWrittenDigest(data, written, options.localDate, t);
  const dropped = new Set<string>();
  const kept = keepVerified(rendered, kit, dropped);
  if (dropped.size > 0) return undefined;
  // Prose longer than one message of the digest's size reads as a wall: the template stands.
  const fits = packDigest(kept, options.localDate).every(
    (embeds) => messageLength(embeds) <= DIGEST_MAX_LENGTH,
  );
  if (!fits) kit.log?.warn('digestWriterTooLong', { lang: options.lang });
  return fits ? kept : undefined;
}

/**
 * Composes, renders and verifies one digest. Each item's sentence is checked against its own fact and left out if
 * any number fails; in `llm` mode the writer's text is used only when every number in it verifies.
 */
export async function buildDigest(kit: DigestKit, options: BuildDigestOptions): Promise<BuiltDigest> {
  const { lang, localDate } = options;
  const t = kit.translate(lang);
  const data = composeDigest({
    facts: kit.source.facts,
    history: kit.source.history,
    ...(options.since ? { since: options.since } : {}),
    ...(options.first ? { first: true } : {}),
    ...(options.now ? { now: options.now } : {}),
    lang,
    rotationDay: dayNumber(localDate),
    quietDays: options.quietDays,
  });
  const dropped = new Set<string>();
  let mode: AnswerMode = 'template';
  let rendered: RenderedDigest | undefined;
  if (options.mode === 'llm' && data.postable) {
    rendered = kit.writer ? await tryWriter(kit, data, options, t) : undefined;
    mode = rendered ? 'llm' : 'fallback';
    if (!rendered) kit.log?.warn('digestLlmFallback', { lang, localDate, writer: Boolean(kit.writer) });
  }
  let messages = rendered ? packDigest(rendered, localDate) : [];
  if (!rendered) ({ rendered, messages } = fitTemplate(kit, data, options, t, dropped));
  const { text, claims } = plainDigest(rendered);
  const numbers = claims.flatMap((claim) => claim.numbers);
  const facts = [...new Set(claims.flatMap((claim) => claim.factIds))];
  const postable = data.postable && (itemCount(rendered) > 0 || data.kind === 'welcome');
  const posted = postable ? messages : [];
  return {
    lang,
    localDate,
    kind: data.kind,
    postable,
    messages: posted,
    text,
    length: posted.reduce((sum, embeds) => sum + messageLength(embeds), 0),
    bullets: mode === 'llm' ? data.bullets.length + data.keyFigures.length : itemCount(rendered),
    facts,
    verified: numbers.every((n) => n.status === 'verified'),
    numbers,
    mode,
    dropped: [...dropped],
  };
}
