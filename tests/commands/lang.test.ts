import { describe, expect, it } from 'vitest';
import { lang } from '../../commands/lang.ts';
import { createTestWorld, execute, MEMBER } from '../support/command-context.ts';

describe('/lang', () => {
  it('stores the choice and confirms it in the new language, only to the user', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'en', options: { value: 'fr' } });
    await execute(lang, ctx);
    expect(world.services.settings.getUserLang(MEMBER)).toBe('fr');
    expect(ctx.lastReply()).toEqual({
      content: world.translators.fr('commands:lang.set.fr'),
      ephemeral: true,
    });
  });

  it('goes back to automatic', async () => {
    const world = await createTestWorld();
    await execute(lang, world.context({ options: { value: 'en' } }));
    const ctx = world.context({ lang: 'en', options: { value: 'auto' } });
    await execute(lang, ctx);
    expect(world.services.settings.getUserLang(MEMBER)).toBe('auto');
    expect(ctx.lastReply().content).toBe(world.translators.en('commands:lang.set.auto'));
  });

  it('refuses a language it does not offer and keeps the previous choice', async () => {
    const world = await createTestWorld();
    await execute(lang, world.context({ options: { value: 'fr' } }));
    const outcome = await execute(lang, world.context({ options: { value: 'de' } }));
    expect(outcome.ok).toBe(false);
    expect(world.services.settings.getUserLang(MEMBER)).toBe('fr');
  });
});
