import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadI18n } from '../../bot/i18n.ts';
import { commands } from '../../commands/registry.ts';
import { type BotHarness, startBotHarness } from '../bot/discord/harness.ts';
import { startFakeAnthropic } from '../support/fake-anthropic.ts';
import { type InteractionPayload, startFakeDiscord } from '../support/fake-discord.ts';
import { startBotProcess } from './support/bot-process.ts';
import { MANAGE_GUILD, messagesFor, visibleText } from './support/replies.ts';

const FACT = 'iren-microsoft-deal-value';
const bit = (n: number) => 1n << BigInt(n);
/** A plain member's permissions plus every moderation power short of Manage Server and Administrator. */
const POWERFUL_MEMBER = (
  2248473465835073n |
  bit(1) | // Kick Members
  bit(2) | // Ban Members
  bit(4) | // Manage Channels
  bit(13) | // Manage Messages
  bit(28) | // Manage Roles
  bit(40)
) // Moderate Members
  .toString();
const ADMINISTRATOR = bit(3).toString();

const i18n = await loadI18n();
const refusal = {
  fr: i18n.getFixedT('fr')('errors:notModerator'),
  en: i18n.getFixedT('en')('errors:notModerator'),
};

let bot: BotHarness;
let modRoleId: string;
let otherRoleId: string;
beforeAll(async () => {
  bot = await startBotHarness({
    commands,
    deploy: true,
    fake: { guilds: [{ roles: [{ name: 'Mods' }, { name: 'Regulars', permissions: bit(13).toString() }] }] },
  });
  const guild = bot.fake.guilds[0]!;
  modRoleId = guild.roles.find((role) => role.name === 'Mods')!.id;
  otherRoleId = guild.roles.find((role) => role.name === 'Regulars')!.id;
  await bot.settings.updateGuild(guild.id, { moderatorRoleId: modRoleId });
});
afterAll(async () => {
  await bot?.cleanup();
});

/** Everything a member could hope to change: facts, their history, and the server's settings. */
const snapshot = async () =>
  JSON.stringify({
    data: bot.services.store.exportData(),
    history: await Promise.all(
      bot.services.store.listFacts().map(async (fact) => (await bot.services.store.history(fact.id)).length),
    ),
    guild: bot.settings.getGuild(bot.fake.guilds[0]!.id),
  });

const member = (extra: { memberPermissions?: string; roles?: string[]; locale?: 'fr' | 'en-US' } = {}) => ({
  user: { id: '600000000000000001', username: 'mallory' },
  memberPermissions: POWERFUL_MEMBER,
  ...extra,
});

/** What a member might send, were the commands' default permissions widened to everyone. */
const attempts = (who: ReturnType<typeof member>, version: number): InteractionPayload[] => [
  bot.fake.chatInput({
    name: 'facts',
    subcommand: 'add',
    options: { id: 'mallory-fact', kind: 'figure' },
    ...who,
  }),
  bot.fake.chatInput({ name: 'facts', subcommand: 'edit', options: { id: FACT }, ...who }),
  bot.fake.chatInput({ name: 'facts', subcommand: 'verify', options: { id: FACT, version }, ...who }),
  bot.fake.chatInput({
    name: 'facts',
    subcommand: 'retire',
    options: { id: FACT, reason: 'because I can' },
    ...who,
  }),
  bot.fake.chatInput({
    name: 'settings',
    options: { language: 'fr', moderator_role: otherRoleId, digest_time: '03:00', digest: false },
    ...who,
  }),
  // Forged form submissions: a modal nobody showed this member, with a well-formed custom id.
  bot.fake.modalSubmit({
    customId: `facts:edit:${FACT}:${version}:en`,
    fields: {
      text_fr: 'Texte réécrit par un membre.',
      text_en: 'Text rewritten by a member.',
      values: '',
      sources: 'Le Monde | https://example.org | 2025-11-01',
      details: '',
    },
    ...who,
  }),
  bot.fake.modalSubmit({
    customId: 'facts:add:mallory-fact:figure:en',
    fields: { text_fr: 'x', text_en: 'x', values: '', sources: '', details: '' },
    ...who,
  }),
];

describe('members, even when a server lets everyone use the moderators’ commands', () => {
  it.each([
    ['a member with every moderation power but Manage Server', member()],
    ['a member with a role that is not the moderator role', member({ roles: [otherRoleId] })],
    ['a French member', member({ locale: 'fr' })],
  ])('refuses every mutation to %s, and changes nothing', async (_who, who) => {
    const before = await snapshot();
    const version = bot.services.store.getFact(FACT)!.version;
    for (const payload of attempts(who, version)) {
      await bot.fake.interactAndWait(payload);
      const [message] = messagesFor(bot.fake, payload);
      expect(message?.flags).toBe(64);
      expect(visibleText(message!)).toBe(refusal[who.locale === 'fr' ? 'fr' : 'en']);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses them in a direct message too, where nobody moderates', async () => {
    const before = await snapshot();
    for (const payload of attempts({ ...member(), guildId: null } as ReturnType<typeof member>, 1)) {
      await bot.fake.interactAndWait(payload);
      expect((messagesFor(bot.fake, payload)[0]?.flags ?? 0) & 64).toBe(64);
    }
    expect(await snapshot()).toBe(before);
  });

  it('completes no fact ids for a member, so drafts stay private', async () => {
    const callback = await bot.fake.interactAndWait(
      bot.fake.autocomplete({
        name: 'facts',
        subcommand: 'edit',
        focused: 'id',
        options: { id: 'iren' },
        ...member(),
      }),
    );
    expect((callback.body as { data: { choices: unknown[] } }).data.choices).toEqual([]);
  });

  it('still lets the moderator role, Manage Server and Administrator through (the refusals are not blanket)', async () => {
    for (const who of [
      { roles: [modRoleId] },
      { memberPermissions: MANAGE_GUILD },
      { memberPermissions: ADMINISTRATOR },
    ]) {
      const shown = await bot.fake.interactAndWait(
        bot.fake.chatInput({ name: 'facts', subcommand: 'edit', options: { id: FACT }, ...who }),
      );
      expect((shown.body as { type: number }).type).toBe(9);
    }
  });
});

describe('secrets, in a bot process whose Discord and LLM calls fail', () => {
  const DISCORD_TOKEN = 'MTAxNzQ4.discord-token-SECRET-4f9a2c.Zz9';
  const ANTHROPIC_KEY = 'sk-ant-api03-SECRET-KEY-7b1e5d90';
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'secrets-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('never writes the Discord token or the Anthropic key in logs, terminal lines or replies', async () => {
    const discord = await startFakeDiscord();
    // A proxy that echoes the credential it refused: the worst case for an error message.
    const anthropic = await startFakeAnthropic({
      respondWith: () => ({ status: 401, message: `invalid x-api-key: ${ANTHROPIC_KEY}` }),
    });
    const bot = startBotProcess({
      BRIEFING_DATA_DIR: dir,
      BRIEFING_LOG_LEVEL: 'debug',
      DISCORD_TOKEN,
      DISCORD_API_BASE: discord.apiBase,
      ANTHROPIC_API_KEY: ANTHROPIC_KEY,
      ANTHROPIC_BASE_URL: anthropic.baseURL,
    });
    try {
      await bot.waitForOutput('Connected as');
      const ask = discord.chatInput({
        name: 'ask',
        options: { question: 'How much is the IREN Microsoft deal worth?' },
      });
      await discord.interactAndWait(ask, 10_000);
      await discord.waitForOriginalEdit(ask, 10_000);
      // Discord errors that quote the token back, on a reply and on its apology.
      const refused = discord.chatInput({ name: 'sources' });
      discord.failNext(
        { method: 'POST', path: `/interactions/${refused.id}/${refused.token}/callback` },
        { status: 403, code: 50001, message: `Missing Access for Bot ${DISCORD_TOKEN}` },
        2,
      );
      discord.interact(refused);
      await bot.waitForOutput('reply.failed', 10_000);
      expect(anthropic.requests.length).toBeGreaterThan(0);
      const bodies = JSON.stringify(discord.requests.map((request) => [request.path, request.body]));
      for (const secret of [DISCORD_TOKEN, ANTHROPIC_KEY]) {
        expect(bot.output()).not.toContain(secret);
        expect(bodies).not.toContain(secret);
      }
    } finally {
      await bot.stop();
      await anthropic.close();
      await discord.close();
    }
  }, 60_000);

  it('does not print the token when Discord refuses the login with a message that quotes it', async () => {
    const discord = await startFakeDiscord();
    discord.failNext(
      { method: 'GET', path: '/gateway/bot' },
      { status: 403, code: 40001, message: `Unauthorized: ${DISCORD_TOKEN}` },
    );
    const bot = startBotProcess({ BRIEFING_DATA_DIR: dir, DISCORD_TOKEN, DISCORD_API_BASE: discord.apiBase });
    try {
      expect(await bot.exited).toBe(1);
      expect(bot.output()).toContain('Could not connect to Discord');
      expect(bot.output()).not.toContain(DISCORD_TOKEN);
    } finally {
      await bot.stop();
      await discord.close();
    }
  }, 60_000);
});
