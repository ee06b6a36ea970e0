import { renderFactText } from '../facts/numbers/index.ts';
import type { Entity, Fact } from '../facts/schema/index.ts';
import { foldText } from '../facts/search/index.ts';
import { type Command, type CommandContext, CommandError } from './index.ts';
import { formatDate } from './render/dates.ts';
import { entitiesById } from './render/names.ts';
import { originalSourceOf, quoted, quoteMarking } from './render/quote.ts';

/** Who has verified quotes, each with their quotes, newest first. */
function speakers(ctx: CommandContext): { entity: Entity; quotes: Fact[] }[] {
  const entities = entitiesById(ctx);
  const bySpeaker = new Map<string, Fact[]>();
  for (const fact of ctx.services.store.listFacts({ status: 'verified', kind: 'quote' })) {
    if (!fact.quote) continue;
    bySpeaker.set(fact.quote.speaker, [...(bySpeaker.get(fact.quote.speaker) ?? []), fact]);
  }
  return [...bySpeaker]
    .map(([id, quotes]) => ({
      entity: entities.get(id),
      quotes: quotes.sort((a, b) => b.asOf.localeCompare(a.asOf)),
    }))
    .filter((item): item is { entity: Entity; quotes: Fact[] } => item.entity !== undefined)
    .sort((a, b) => b.quotes.length - a.quotes.length || a.entity.id.localeCompare(b.entity.id));
}

/** Every way a speaker may be typed: id, names and aliases in both languages, folded. */
const spellings = (entity: Entity): string[] =>
  [entity.id, entity.name.fr, entity.name.en, ...entity.aliases.fr, ...entity.aliases.en].map(foldText);

/** `/quote speaker:<name>`: what a person or organization said, each quote marked as original words or translation. */
export const quote = {
  data: {
    name: 'quote',
    options: [{ name: 'speaker', type: 'string', required: true, autocomplete: true, maxLength: 100 }],
  },
  async execute(ctx) {
    const { t, lang } = ctx;
    const typed = foldText(ctx.options.string('speaker')?.trim() ?? '');
    const all = speakers(ctx);
    const found =
      all.find(({ entity }) => spellings(entity).includes(typed)) ??
      (typed ? all.find(({ entity }) => spellings(entity).some((name) => name.includes(typed))) : undefined);
    if (!found) throw new CommandError('noQuotes', { speaker: ctx.options.string('speaker') ?? '' });
    const blocks = found.quotes.map((fact) => {
      const source = originalSourceOf(fact);
      return t('commands:quote.item', {
        words: quoted(renderFactText(fact, lang), t),
        marking: quoteMarking(fact, lang, t),
        date: formatDate(source?.date ?? fact.asOf, lang),
        publisher: source?.publisher ?? '',
        id: fact.id,
      });
    });
    await ctx.reply({
      embeds: [
        {
          title: t('commands:quote.title', { speaker: found.entity.name[lang], count: found.quotes.length }),
          description: blocks.join('\n\n'),
          ...(found.entity.description ? { footer: found.entity.description[lang] } : {}),
        },
      ],
    });
  },
  async autocomplete(ctx) {
    const typed = foldText(ctx.options.focused?.value.trim() ?? '');
    return speakers(ctx)
      .filter(({ entity }) => spellings(entity).some((name) => name.includes(typed)))
      .slice(0, 25)
      .map(({ entity, quotes }) => ({
        name: ctx.t('commands:quote.choice', { speaker: entity.name[ctx.lang], count: quotes.length }),
        value: entity.id,
      }));
  },
} satisfies Command;
