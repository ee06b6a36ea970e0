import { z } from 'zod';
import { extractNumbers, type NumberMention } from '../../facts/numbers/index.ts';
import { type Lang, LangSchema } from '../../facts/schema/index.ts';
import { asTranslate, type Translator, translator } from '../i18n.ts';
import { readAll, type Subcommand } from './io.ts';
import { runJsonl } from './jsonl.ts';
import { parseCli, USAGE } from './parse.ts';

const OPTIONS = { lang: { type: 'string' }, jsonl: { type: 'boolean' } } as const;

const LineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  lang: LangSchema.optional(),
  text: z.string(),
});

/** The machine form of a mention: value fully scaled, period only for calendar mentions. */
const toJson = ({ text, start, end, value, unit, qualifier, period }: NumberMention) => ({
  text,
  start,
  end,
  value,
  unit,
  qualifier,
  ...(period ? { period } : {}),
});

/** Locale keys are camelCase: USD → usd, percentagePoint stays. */
const unitKey = (unit: string) => (/^[A-Z]+$/.test(unit) ? unit.toLowerCase() : unit);

/** One aligned row per mention under translated headings. */
function describe(mentions: readonly NumberMention[], lang: Lang, typed: Translator): string {
  const t = asTranslate(typed);
  if (mentions.length === 0) return t('numbers:none');
  const value = new Intl.NumberFormat(lang, { maximumFractionDigits: 6 });
  const heading = ['text', 'span', 'value', 'unit', 'period', 'qualifier'].map((column) =>
    t(`numbers:column.${column}`),
  );
  const rows = mentions.map((mention) => [
    mention.text,
    `${mention.start}–${mention.end}`,
    value.format(mention.value),
    t(`numbers:unit.${unitKey(mention.unit)}`),
    mention.period ?? '—',
    t(`numbers:qualifier.${mention.qualifier}`),
  ]);
  const table = [heading, ...rows];
  const widths = heading.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
  return [...lines, t('numbers:count', { count: mentions.length })].join('\n');
}

/**
 * `briefing numbers [--lang fr|en]` lists the numbers found in the text on stdin; `--jsonl` reads
 * `{"id","lang","text"}` lines and writes `{"id","numbers":[…]}` lines in order.
 */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, OPTIONS, io);
  if (!parsed) return USAGE;
  const lang = LangSchema.safeParse(parsed.values.lang ?? 'en');
  const t = await translator(lang.success ? lang.data : 'en');
  if (!lang.success) {
    io.err(t('numbers:badLang', { value: parsed.values.lang }));
    return USAGE;
  }
  if (parsed.positionals.length > 0) {
    io.err(t('numbers:usage'));
    return USAGE;
  }
  if (parsed.values.jsonl) {
    await runJsonl(io, LineSchema, (line) => ({
      id: line.id,
      numbers: extractNumbers(line.text, line.lang ?? lang.data).map(toJson),
    }));
    return 0;
  }
  io.out(describe(extractNumbers(await readAll(io.stdin), lang.data), lang.data, t));
  return 0;
};
