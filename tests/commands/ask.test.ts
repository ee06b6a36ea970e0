import { describe, expect, it } from 'vitest';
import { ask } from '../../commands/ask.ts';
import type { Answerer } from '../../facts/answer/types.ts';
import { createTestWorld, execute, replyText } from '../support/command-context.ts';

describe('/ask', () => {
  it('answers a seed question in English with the figure, its sources and as-of date, templated', async () => {
    const world = await createTestWorld();
    const ctx = world.context({
      lang: 'en',
      options: { question: 'How much is the IREN Microsoft deal worth?' },
    });
    expect(await execute(ask, ctx)).toEqual({ ok: true });
    const [embed] = ctx.lastReply().embeds ?? [];
    expect(embed?.description).toMatch(/\$9\.7\s?billion/);
    expect(embed?.fields?.map((field) => field.name)).toEqual(['Sources', 'As of']);
    expect(embed?.fields?.[1]?.value).toMatch(/^[A-Z][a-z]+ \d{1,2}, 20\d\d$/);
    expect(embed?.footer).toBe(ctx.t('commands:ask.footer.template'));
    expect(ctx.recorded.deferrals).toEqual([]);
  });

  it('answers the same question in French with the French figure and a French date', async () => {
    const world = await createTestWorld();
    const ctx = world.context({
      lang: 'fr',
      options: { question: 'Combien vaut l’accord entre IREN et Microsoft ?' },
    });
    await execute(ask, ctx);
    const [embed] = ctx.lastReply().embeds ?? [];
    expect(embed?.description).toMatch(/9,7\s+milliards/);
    expect(embed?.fields?.find((field) => field.name === 'En date du')?.value).toMatch(
      /^\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\d\d$/,
    );
  });

  it('says honestly that it has no verified facts on an off-topic question, with no sources', async () => {
    const world = await createTestWorld();
    for (const [lang, question] of [
      ['en', 'What will the weather be in Lisbon tomorrow?'],
      ['fr', 'Quel temps fera-t-il à Lisbonne demain ?'],
    ] as const) {
      const ctx = world.context({ lang, options: { question } });
      await execute(ask, ctx);
      const [embed] = ctx.lastReply().embeds ?? [];
      expect(embed?.description).toContain(ctx.t('answer:noFacts'));
      expect(embed?.fields ?? []).toEqual([]);
    }
  });

  it('defers before answering when an LLM is configured, and says the LLM answer was set aside', async () => {
    const world = await createTestWorld({ llmAvailable: true });
    const ctx = world.context({
      lang: 'en',
      options: { question: 'What net loss did Bitfarms report in Q3 2025?' },
    });
    await execute(ask, ctx);
    expect(ctx.recorded.deferrals).toHaveLength(1);
    const footer = ctx.lastReply().embeds?.[0]?.footer ?? '';
    expect(footer).toContain(ctx.t('commands:ask.fallbackReason.llmUnavailable'));
  });

  it('marks an LLM-written answer as verified in its footer', async () => {
    // Test double: the engine's LLM path is tested in facts/; here only the rendering of its verdict matters.
    const answerer: Answerer = {
      answer: async ({ lang }) => ({
        answered: true,
        lang,
        text: 'IREN signed a $9.7 billion deal with Microsoft.',
        facts: ['iren-microsoft-deal-value'],
        verified: true,
        mode: 'llm',
        numbers: [],
        sources: [],
      }),
    };
    const world = await createTestWorld({ llmAvailable: true, answerer });
    const ctx = world.context({ lang: 'en', options: { question: 'IREN deal?' } });
    await execute(ask, ctx);
    expect(ctx.lastReply().embeds?.[0]?.footer).toBe(ctx.t('commands:ask.footer.llm'));
    expect(replyText(ctx.lastReply())).not.toContain('As of');
  });
});
