import { describe, expect, it } from 'vitest';
import { fact } from '../../commands/fact.ts';
import { complete, createTestWorld, execute, replyText } from '../support/command-context.ts';

describe('/fact', () => {
  it('completes typed words with verified facts in the reader’s language, ids as values', async () => {
    const world = await createTestWorld();
    const en = await complete(
      fact,
      world.context({ lang: 'en', focused: { name: 'query', value: 'IREN Microsoft' } }),
    );
    const fr = await complete(
      fact,
      world.context({ lang: 'fr', focused: { name: 'query', value: 'IREN Microsoft' } }),
    );
    expect(en.map((choice) => choice.value)).toContain('iren-microsoft-deal-value');
    const enDeal = en.find((choice) => choice.value === 'iren-microsoft-deal-value');
    const frDeal = fr.find((choice) => choice.value === 'iren-microsoft-deal-value');
    expect(enDeal?.name).toMatch(/\$9\.7\s?billion/);
    expect(frDeal?.name).toMatch(/9,7\s+milliards/);
    for (const choice of [...en, ...fr]) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('offers the most recent verified facts when nothing is typed, at most 25', async () => {
    const world = await createTestWorld();
    const choices = await complete(fact, world.context({ focused: { name: 'query', value: '' } }));
    expect(choices).toHaveLength(25);
    const facts = choices.map((choice) => world.services.store.getFact(choice.value)!);
    expect(facts.every((found) => found.status === 'verified')).toBe(true);
    const dates = facts.map((found) => found.asOf);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('shows the card of a fact by id: text, values, sources, status, as-of and id', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'fr', options: { query: 'bitfarms-q3-2025-net-loss' } });
    await execute(fact, ctx);
    const [card] = ctx.lastReply().embeds ?? [];
    expect(card?.description).toMatch(/46\s+millions de dollars/);
    expect(card?.fields?.map((field) => field.name)).toEqual([
      'Valeurs',
      'Sources',
      'Statut',
      'En date du',
      'Identifiant',
    ]);
    expect(replyText(ctx.lastReply())).toContain('Vérifié');
    expect(replyText(ctx.lastReply())).toContain('bitfarms-q3-2025-net-loss');
    expect(ctx.lastReply().ephemeral).toBeFalsy();
  });

  it('finds the best fact for free text', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'en', options: { query: 'Bitdeer net loss' } });
    await execute(fact, ctx);
    expect(replyText(ctx.lastReply())).toContain('bitdeer-q3-2025-net-loss');
  });

  it('marks a quote card with its speaker and whether the words are original or translated', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'fr', options: { query: 'quote-gagnon-washington-site-noi' } });
    await execute(fact, ctx);
    const text = replyText(ctx.lastReply());
    expect(text).toContain('Ben Gagnon');
    expect(text).toContain(ctx.t('commands:common.translation', { lang: 'anglais' }));
    expect(ctx.lastReply().embeds?.[0]?.description).toMatch(/^«\u202f.*\u202f»$/s);
  });

  it('refuses, ephemerally and in the reader’s language, when nothing matches', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'fr', options: { query: 'zzzz-qqqq' } });
    const outcome = await execute(fact, ctx);
    expect(outcome.ok).toBe(false);
    expect(ctx.lastReply()).toEqual({ content: expect.stringContaining('zzzz-qqqq'), ephemeral: true });
    expect(ctx.lastReply().content).toContain('Aucun fait vérifié');
  });
});
