import type { Entity } from '../facts/schema/index.ts';
import type { Command } from './index.ts';
import { entitiesById } from './render/names.ts';
import { countSources, renderSource } from './render/sources.ts';
import { capLines, listNames } from './render/text.ts';

/** Which kinds of entity make a topic worth listing, in the order a reader scans them. */
const TOPIC_TYPES: readonly Entity['type'][] = ['company', 'person', 'organization', 'law', 'product'];

/** `/sources`: the sources the verified facts come from, how many facts each backs, and the topics covered. */
export const sources = {
  data: { name: 'sources' },
  async execute(ctx) {
    const { t, lang } = ctx;
    const facts = ctx.services.store.listFacts({ status: 'verified' });
    const lines = countSources(facts).map(({ source, facts: count }) =>
      t('commands:sources.line', {
        source: renderSource(source, lang, t),
        facts: t('commands:sources.facts', { count }),
      }),
    );
    const entities = entitiesById(ctx);
    const concerned = new Map<string, number>();
    for (const id of facts.flatMap((fact) => fact.entities)) concerned.set(id, (concerned.get(id) ?? 0) + 1);
    const topics = TOPIC_TYPES.flatMap((type) => {
      const named = [...concerned]
        .map(([id, count]) => ({ entity: entities.get(id), count }))
        .filter((item): item is { entity: Entity; count: number } => item.entity?.type === type)
        .sort((a, b) => b.count - a.count || a.entity.name[lang].localeCompare(b.entity.name[lang], lang))
        .map((item) => item.entity.name[lang]);
      return named.length
        ? [{ name: t(`commands:sources.topic.${type}`), value: listNames(named.slice(0, 12), lang) }]
        : [];
    });
    await ctx.reply({
      embeds: [
        {
          title: t('commands:sources.title'),
          description: `${t('commands:sources.intro', { count: facts.length })}\n\n${capLines(lines, 20, t)}`,
          fields: topics,
        },
      ],
    });
  },
} satisfies Command;
