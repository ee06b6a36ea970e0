import { describe, expect, it } from 'vitest';
import { digest } from '../../commands/digest.ts';
import { sources } from '../../commands/sources.ts';
import { createTestWorld, execute, TEST_GUILD } from '../support/command-context.ts';

describe('/sources', () => {
  it('lists each source once with the number of verified facts it backs, and the topics covered', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'en' });
    await execute(sources, ctx);
    const [embed] = ctx.lastReply().embeds ?? [];
    const verified = world.services.store.listFacts({ status: 'verified' });
    const cointelegraph = verified.filter((fact) =>
      fact.sources.some((source) => source.publisher.startsWith('Cointelegraph')),
    );
    expect(embed?.description).toContain(`${verified.length} verified facts`);
    expect(embed?.description).toMatch(new RegExp(`Cointelegraph[^\\n]*· ${cointelegraph.length} facts`));
    expect(embed?.fields?.find((field) => field.name === 'Companies')?.value).toContain('Bitfarms');
    expect(embed?.fields?.find((field) => field.name === 'People')?.value).toContain('Ben Gagnon');
  });

  it('speaks French to a French reader', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'fr' });
    await execute(sources, ctx);
    const [embed] = ctx.lastReply().embeds ?? [];
    expect(embed?.fields?.map((field) => field.name)).toContain('Entreprises');
    expect(embed?.description).toMatch(/\d+ faits vérifiés/);
  });
});

describe('/digest preview', () => {
  it('shows the digest of this server in the reader’s language, to the asker only', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'fr', subcommand: 'preview' });
    await execute(digest, ctx);
    expect(world.digestRequests).toEqual([{ guildId: TEST_GUILD, lang: 'fr' }]);
    expect(ctx.lastReply().ephemeral).toBe(true);
    expect(ctx.lastReply().embeds).toEqual([{ title: 'test digest fr' }]);
  });
});
