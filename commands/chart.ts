import { planChart, type Theme } from '../facts/chart/index.ts';
import { createVerifier } from '../facts/verify/index.ts';
import { factChoice, findFacts } from './forms/fact-choices.ts';
import { type Command, type CommandContext, CommandError, type Reply, type Services } from './index.ts';

/** What a chart needs of a context: the CLI draws one without a whole Discord or console session. */
export type ChartContext = Pick<CommandContext, 'lang' | 't'> & {
  services: Pick<Services, 'store' | 'search' | 'charts' | 'log'>;
};

// findFacts reads only the store, the search index and the language of its context.
const find = (ctx: ChartContext, query: string) => findFacts(ctx as CommandContext, query, ['verified']);

/** The chart of the best verified match of a query, verified and drawn; a `CommandError` when it cannot be sent. */
export async function buildChartReply(ctx: ChartContext, query: string, theme: Theme) {
  const { store, charts } = ctx.services;
  if (!charts) throw new CommandError('chartUnavailable');
  const byId = store.getFact(query);
  const anchor = byId?.status === 'verified' ? byId : find(ctx, query).at(0);
  if (!query || !anchor) throw new CommandError('noFactFound', { query });
  const facts = store.listFacts();
  const entities = store.listEntities();
  const measures = store.listMeasures();
  const verifier = createVerifier(facts, entities, { measures });
  const inputs = { facts, entities, measures, verifier, lang: ctx.lang, theme, t: ctx.t };
  // A fact named by its id is charted alone; words may match a fact that stands alone before ones that do not.
  const candidates =
    anchor === byId ? [anchor] : [anchor, ...find(ctx, query).filter((f) => f.id !== anchor.id)];
  const plan = candidates.map((fact) => planChart({ ...inputs, anchor: fact })).find(Boolean);
  if (!plan) throw new CommandError('noChartFound', { query });
  if (!plan.check.ok) {
    ctx.services.log.warn('chartUnverified', {
      key: plan.cacheKey,
      numbers: plan.check.numbers.filter((n) => n.status !== 'verified').map((n) => n.text),
    });
    throw new CommandError('chartUnverified');
  }
  const drawn = await charts.render(plan.cacheKey, plan.spec);
  const reply: Reply = {
    content: plan.texts.title,
    files: [{ name: ctx.t('commands:chart.file'), data: drawn.png, description: plan.texts.alt }],
  };
  return { plan, drawn, reply };
}

/** `/chart query:<id or words> [theme]`: verified figures that belong together, as a picture with its alt text. */
export const chart = {
  data: {
    name: 'chart',
    options: [
      { name: 'query', type: 'string', required: true, autocomplete: true, maxLength: 200 },
      { name: 'theme', type: 'string', choices: ['dark', 'light'] },
    ],
  },
  async execute(ctx) {
    const query = ctx.options.string('query')?.trim() ?? '';
    const theme = ctx.options.string('theme') === 'light' ? 'light' : 'dark';
    await ctx.defer();
    const { reply } = await buildChartReply(ctx, query, theme);
    await ctx.reply(reply);
  },
  async autocomplete(ctx) {
    return findFacts(ctx, ctx.options.focused?.value ?? '', ['verified']).map((found) =>
      factChoice(found, ctx),
    );
  },
} satisfies Command;
