import type { FactStatus } from '../facts/schema/index.ts';
import { factChoice, findFacts } from './forms/fact-choices.ts';
import { type Command, type CommandContext, CommandError } from './index.ts';
import { renderFactCard } from './render/fact-card.ts';

/** Members see verified facts; moderators may also look drafts up by id. */
const visible = (ctx: CommandContext): FactStatus[] =>
  ctx.isModerator ? ['verified', 'draft'] : ['verified'];

/** `/fact query:<id or words>`: the card of one verified fact, found by id or as the best match of the words. */
export const fact = {
  data: {
    name: 'fact',
    options: [{ name: 'query', type: 'string', required: true, autocomplete: true, maxLength: 200 }],
  },
  async execute(ctx) {
    const query = ctx.options.string('query')?.trim() ?? '';
    const byId = ctx.services.store.getFact(query);
    const found =
      byId && visible(ctx).includes(byId.status) ? byId : findFacts(ctx, query, ['verified']).at(0);
    if (!query || !found) throw new CommandError('noFactFound', { query });
    await ctx.reply({ embeds: [renderFactCard(found, ctx)] });
  },
  async autocomplete(ctx) {
    return findFacts(ctx, ctx.options.focused?.value ?? '', ['verified']).map((found) =>
      factChoice(found, ctx),
    );
  },
} satisfies Command;
