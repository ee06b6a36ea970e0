import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_LIMITS } from '../../bot/discord/embeds.ts';
import { resolveReplyLang } from '../../bot/lang.ts';
import { commands } from '../../commands/registry.ts';
import { createVerifier } from '../../facts/verify/index.ts';
import { type BotHarness, startBotHarness } from '../bot/discord/harness.ts';
import type { InteractionPayload } from '../support/fake-discord.ts';
import { type Actor, actors, type Scenario, scenarios } from './support/fuzz-inputs.ts';
import {
  claimText,
  MANAGE_GUILD,
  messagesFor,
  requestsFor,
  type SentMessage,
  SOAK,
  until,
} from './support/replies.ts';

/** A figure no fact holds: fuzzed inputs carry it, and no public reply may show it. */
const PLANTED = /6[\s,.\u00a0\u202f]?543[\s,.\u00a0\u202f]?210/;

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ commands, deploy: true });
});
afterAll(async () => {
  await bot?.cleanup();
});

function build(scenario: Scenario, actor: Actor): InteractionPayload {
  const who = {
    locale: actor.locale,
    ...(actor.moderator ? { memberPermissions: MANAGE_GUILD } : {}),
    ...(actor.inDm ? { guildId: null } : {}),
  };
  if (scenario.type === 'modal')
    return bot.fake.modalSubmit({ customId: scenario.customId, fields: scenario.fields, ...who });
  const base = {
    name: scenario.name,
    ...(scenario.subcommand ? { subcommand: scenario.subcommand } : {}),
    ...who,
  };
  if (scenario.type === 'complete')
    return bot.fake.autocomplete({
      ...base,
      focused: scenario.focused,
      options: { [scenario.focused]: scenario.value },
    });
  return bot.fake.chatInput({ ...base, options: scenario.options });
}

const embedSize = (message: SentMessage) =>
  (message.embeds ?? []).reduce(
    (sum, embed) =>
      sum +
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.fields ?? []).reduce((total, field) => total + field.name.length + field.value.length, 0),
    0,
  );

/** What every message the bot sent must be, whatever it was sent in answer to. */
function checkMessage(message: SentMessage, scenario: Scenario, lang: 'fr' | 'en'): void {
  // No mention can ping: nothing parsed, no user or role allowed, no reply ping.
  expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect((message.content ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.content);
  expect(message.embeds?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
  expect(embedSize(message)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  const isPublic = ((message.flags ?? 0) & 64) === 0;
  if (!isPublic) return;
  // A public reply never carries a figure a user typed, nor a mention written by a user.
  const all = JSON.stringify([message.content, message.embeds]);
  expect(all).not.toMatch(PLANTED);
  expect(all).not.toMatch(/@(everyone|here)|<@[&!]?\d+>/);
  if (scenario.type === 'chat' && scenario.name === 'ask') {
    for (const claim of claimText(message)) expect(verifier().verify(claim, lang).ok, claim).toBe(true);
  }
}

let cached: ReturnType<typeof createVerifier> | undefined;
const verifier = () =>
  (cached ??= createVerifier(bot.services.store.listFacts(), bot.services.store.listEntities()));

describe('fuzzed options, form fields and autocomplete through the router and the real client', () => {
  it('never crashes, always answers, never pings, never shows an invented figure', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, actors, async (scenario, actor) => {
        const mark = bot.logs.length;
        const payload = build(scenario, actor);

        bot.fake.interact(payload);
        await until(
          () => bot.logs.some((line) => line.event === 'interaction.done' && line.id === payload.id),
          5000,
          `interaction ${payload.id} done`,
        );
        const callbacks = requestsFor(bot.fake, payload).filter((request) =>
          request.path.endsWith('/callback'),
        );
        expect(
          callbacks.filter((request) => request.status < 300),
          'acknowledged once',
        ).toHaveLength(1);
        // The reply's language, as the bot decides it (an earlier fuzzed /lang or /settings may have changed it).
        const settings = bot.services.settings;
        const lang = resolveReplyLang({
          userChoice: settings.getUserLang(bot.fake.defaultUser.id),
          discordLocale: actor.locale,
          ...(actor.inDm ? {} : { guildLang: settings.getGuild(bot.fake.guilds[0]!.id).lang }),
        });
        for (const message of messagesFor(bot.fake, payload)) checkMessage(message, scenario, lang);
        const failures = bot.logs
          .slice(mark)
          .filter((line) => ['command.crashed', 'interaction.failed', 'reply.failed'].includes(line.event));
        expect(failures).toEqual([]);
      }),
      { numRuns: SOAK ? 2000 : 150, seed: Number(process.env.BRIEFING_SEED ?? 20251126) },
    );
  }, 120_000);
});
