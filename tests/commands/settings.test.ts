import { describe, expect, it } from 'vitest';
import { markup } from '../../commands/markup.ts';
import { settings } from '../../commands/settings.ts';
import {
  complete,
  createTestWorld,
  execute,
  MODERATOR_A,
  replyText,
  TEST_GUILD,
} from '../support/command-context.ts';

const CHANNEL = '666666666666666666';
const ROLE = '777777777777777777';

describe('/settings', () => {
  it('shows the current settings when called without options', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'fr', isModerator: true, userId: MODERATOR_A });
    await execute(settings, ctx);
    expect(ctx.lastReply().ephemeral).toBe(true);
    expect(replyText(ctx.lastReply())).toContain('Réglages du serveur');
    expect(replyText(ctx.lastReply())).toContain('08:00 (UTC)');
  });

  it('saves the digest channel, a French-style time, a time zone in any case, the role and the language', async () => {
    const world = await createTestWorld();
    const options = {
      digest_channel: CHANNEL,
      digest_time: '8h30',
      timezone: 'europe/paris',
      moderator_role: ROLE,
      language: 'both',
      digest: true,
      digest_mode: 'llm',
      quiet_days: false,
    };
    const ctx = world.context({ lang: 'en', isModerator: true, options });
    expect(await execute(settings, ctx)).toEqual({ ok: true });
    expect(world.services.settings.getGuild(TEST_GUILD)).toEqual({
      guildId: TEST_GUILD,
      lang: 'both',
      moderatorRoleId: ROLE,
      digest: {
        enabled: true,
        channelId: CHANNEL,
        time: '08:30',
        timeZone: 'Europe/Paris',
        mode: 'llm',
        quietDays: false,
      },
    });
    // A neutral token: Discord shows it as <#id>, the console as #id.
    expect(replyText(ctx.lastReply())).toContain(markup.channel(CHANNEL));
  });

  it('clears the reason the digest stopped when a channel is set again', async () => {
    const world = await createTestWorld();
    await world.services.settings.updateGuild(TEST_GUILD, {
      digest: { enabled: true, channelId: CHANNEL, disabledReason: 'missingAccess' },
    });
    await execute(
      settings,
      world.context({ isModerator: true, options: { digest_channel: '888888888888888888' } }),
    );
    expect(world.services.settings.getGuild(TEST_GUILD).digest.disabledReason).toBeUndefined();
  });

  it.each([
    [{ timezone: 'Mars/Olympus' }, 'badTimeZone'],
    [{ digest_time: '25:00' }, 'badTime'],
    [{ digest: true }, 'digestNeedsChannel'],
  ])('refuses %o with %s and saves nothing', async (options, code) => {
    const world = await createTestWorld();
    const before = world.services.settings.getGuild(TEST_GUILD);
    const ctx = world.context({ lang: 'fr', isModerator: true, options });
    expect(await execute(settings, ctx)).toMatchObject({ ok: false, error: { code } });
    expect(ctx.lastReply().ephemeral).toBe(true);
    expect(world.services.settings.getGuild(TEST_GUILD)).toEqual(before);
  });

  it('refuses a member and changes nothing', async () => {
    const world = await createTestWorld();
    const ctx = world.context({ lang: 'fr', isModerator: false, options: { language: 'fr' } });
    expect(await execute(settings, ctx)).toMatchObject({ ok: false, error: { code: 'notModerator' } });
    expect(ctx.lastReply().content).toBe(ctx.t('errors:notModerator'));
    expect(world.services.settings.getGuild(TEST_GUILD).lang).toBe('en');
  });

  it('completes time zones from a part of their name', async () => {
    const world = await createTestWorld();
    const choices = await complete(
      settings,
      world.context({ isModerator: true, focused: { name: 'timezone', value: 'montr' } }),
    );
    expect(choices.map((choice) => choice.value)).toContain('America/Montreal');
  });
});
