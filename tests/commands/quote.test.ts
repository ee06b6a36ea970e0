import { describe, expect, it } from 'vitest';
import { quote } from '../../commands/quote.ts';
import { complete, createTestWorld, execute } from '../support/command-context.ts';

const gagnonQuotes = (world: Awaited<ReturnType<typeof createTestWorld>>) =>
  world.services.store
    .listFacts({ status: 'verified', kind: 'quote' })
    .filter((fact) => fact.quote?.speaker === 'ben-gagnon');

describe('/quote', () => {
  it('completes speakers who have verified quotes, by part of their name', async () => {
    const world = await createTestWorld();
    const choices = await complete(
      quote,
      world.context({ lang: 'en', focused: { name: 'speaker', value: 'gag' } }),
    );
    expect(choices.map((choice) => choice.value)).toEqual(['ben-gagnon']);
    expect(choices[0]?.name).toContain('Ben Gagnon');
  });

  it('lists every Gagnon quote in French between « », each marked original or translated', async () => {
    const world = await createTestWorld();
    const quotes = gagnonQuotes(world);
    const ctx = world.context({ lang: 'fr', options: { speaker: 'ben-gagnon' } });
    await execute(quote, ctx);
    const description = ctx.lastReply().embeds?.[0]?.description ?? '';
    const blocks = description.split('\n\n');
    expect(blocks).toHaveLength(quotes.length);
    for (const found of quotes) {
      const block = blocks.find((candidate) => candidate.includes(found.id)) ?? '';
      expect(block).toMatch(/^«\u202f/);
      // Gagnon spoke English: every French version is a translation.
      expect(block).toContain('Traduction (original en anglais)');
    }
  });

  it('lists them in English between “ ” with the opposite marking, found by a typed surname', async () => {
    const world = await createTestWorld();
    const quotes = gagnonQuotes(world);
    const ctx = world.context({ lang: 'en', options: { speaker: 'Gagnon' } });
    await execute(quote, ctx);
    const blocks = (ctx.lastReply().embeds?.[0]?.description ?? '').split('\n\n');
    for (const found of quotes) {
      const block = blocks.find((candidate) => candidate.includes(found.id)) ?? '';
      expect(block).toMatch(/^“/);
      // His own English words where an English source carries them, else translated back from the French article.
      expect(block).toContain(
        found.quote?.originalSource !== undefined
          ? 'Original words'
          : 'Translated back from the French report (original words not on record)',
      );
    }
  });

  it('says so when a speaker has no verified quote', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'en', options: { speaker: 'Satoshi Nakamoto' } });
    const outcome = await execute(quote, ctx);
    expect(outcome.ok).toBe(false);
    expect(ctx.lastReply().ephemeral).toBe(true);
    expect(ctx.lastReply().content).toContain('Satoshi Nakamoto');
  });
});
