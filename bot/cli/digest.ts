import { fail } from '../../facts/result.ts';
import { buildDigest, createDigestKit } from '../digest/build.ts';
import { localDateOf } from '../digest/schedule.ts';
import { loadTranslators, snapshotSource } from '../digest/source.ts';
import { createLogger } from '../log.ts';
import { openCliStore, parseLangFlag, startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { parseCli, USAGE } from './parse.ts';

const OPTIONS = { lang: { type: 'string' }, since: { type: 'string' }, json: { type: 'boolean' } } as const;

/** A `--since` date (`2025-11-03`, read as UTC midnight) or timestamp; undefined when it is not one. */
export function parseSince(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
  const at = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/**
 * `briefing digest --lang fr|en [--since <date>] [--json]`: the digest that would be posted now (changes since
 * `--since`, or the last 24 hours, then today's key figures), templated and verified. `--json` prints
 * `{ lang, text, length, bullets, facts, verified, numbers }`: `length` in characters of the Discord message.
 */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, OPTIONS, io);
  if (!parsed) return USAGE;
  const session = await startCli(io, parsed.values.lang);
  if (!session) return USAGE;
  const lang = parseLangFlag(parsed.values.lang);
  if (!lang.ok) {
    session.report(lang);
    return USAGE;
  }
  const now = new Date();
  const since =
    parsed.values.since === undefined
      ? new Date(now.getTime() - 86_400_000)
      : parseSince(parsed.values.since);
  if (!since) {
    session.report(fail('digestBadSince', { value: parsed.values.since ?? '' }));
    return USAGE;
  }
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const source = snapshotSource(store);
  await store.close();
  // Items left out for an unverified number are reported on stderr, the digest on stdout.
  const log = createLogger({ level: session.config.BRIEFING_LOG_LEVEL, secrets: [], write: io.err });
  const kit = createDigestKit(source, await loadTranslators(), { log });
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const digest = await buildDigest(kit, {
    lang: session.lang,
    localDate: localDateOf(now, timeZone),
    since,
    now,
    quietDays: true,
    mode: 'template',
  });
  if (parsed.values.json) {
    const { text, length, bullets, facts, verified, numbers } = digest;
    io.out(JSON.stringify({ lang: digest.lang, text, length, bullets, facts, verified, numbers }, null, 2));
  } else {
    io.out(digest.text);
  }
  return 0;
};
