import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../bot/errors.ts';
import { loadI18n, translator } from '../../bot/i18n.ts';
import { commands } from '../../commands/registry.ts';
import { loadSeed } from '../../facts/seed/index.ts';
import { openMemoryStore } from '../../facts/store/index.ts';
import { type BotHarness, startBotHarness } from '../bot/discord/harness.ts';
import { startFakeDiscord } from '../support/fake-discord.ts';
import { startBotProcess } from './support/bot-process.ts';
import { MANAGE_GUILD, messagesFor, until, visibleText } from './support/replies.ts';

const entry = resolve(import.meta.dirname, '..', '..', 'bot', 'briefing.mjs');
const i18n = await loadI18n();
const en = i18n.getFixedT('en');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'small-faults-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const briefing = (...args: string[]) =>
  promisify(execFile)(process.execPath, [entry, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', BRIEFING_DATA_DIR: join(dir, 'data') },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('the CLI on odd input', () => {
  it('treats `briefing __proto__` and `briefing facts constructor` as unknown, without a stack trace', async () => {
    for (const args of [['__proto__'], ['constructor'], ['facts', '__proto__'], ['facts', 'constructor']]) {
      const run = await briefing(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/Unknown subcommand|Usage/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  it('names the file, line and column of JSON nested too deeply to be scanned, without a stack trace', async () => {
    const deep = join(dir, 'deep.json');
    await writeFile(deep, `{"facts":${'['.repeat(100_000)}}`);
    const run = await briefing('facts', 'validate', deep);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${deep}:1:`);
    expect(run.stderr).toMatch(/nested/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('error messages', () => {
  it('fill every placeholder when an author cannot be recorded', async () => {
    const store = openMemoryStore(loadSeed, { fourEyes: true });
    const fact = store.listFacts()[0]!;
    const refused = await store.retire(fact.id, fact.version, '', 'no reason needed');
    expect(refused.ok).toBe(false);
    for (const lang of ['fr', 'en'] as const) {
      const text = describeFailure(refused as Exclude<typeof refused, { ok: true }>, await translator(lang));
      expect(text).not.toMatch(/\{\{|\}\}/);
    }
  });
});

describe('Discord interactions the commands do not expect', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ commands, deploy: true });
  });
  afterAll(() => bot?.cleanup());

  it('refuses @everyone as the moderator role and keeps the setting as it was', async () => {
    const payload = bot.fake.chatInput({ name: 'settings', memberPermissions: MANAGE_GUILD, options: {} });
    const guildId = payload.guild_id!;
    const set = bot.fake.chatInput({
      name: 'settings',
      memberPermissions: MANAGE_GUILD,
      options: { moderator_role: guildId },
    });
    await bot.fake.interactAndWait(set, 5000);
    await until(() => messagesFor(bot.fake, set).length > 0, 5000, 'a reply');
    expect(visibleText(messagesFor(bot.fake, set)[0]!)).toContain(en('errors:everyoneModerator'));
    expect(bot.settings.getGuild(guildId).moderatorRoleId).toBeUndefined();
  });
});

describe('interactions discord.js cannot turn into a command, on `briefing bot`', () => {
  let discord: Awaited<ReturnType<typeof startFakeDiscord>>;
  let bot: ReturnType<typeof startBotProcess>;
  beforeAll(async () => {
    discord = await startFakeDiscord();
    bot = startBotProcess({
      BRIEFING_DATA_DIR: join(dir, 'odd'),
      DISCORD_TOKEN: 'fake-token-123',
      DISCORD_API_BASE: discord.apiBase,
    });
    await bot.waitForOutput('Connected as', 60_000);
  }, 90_000);
  afterAll(async () => {
    await bot?.stop();
    await discord?.close();
  });

  it('answers a button click ephemerally, in the user’s language', async () => {
    const base = discord.chatInput({ name: 'sources', locale: 'fr' }) as unknown as Record<string, unknown>;
    const message = {
      id: base.id,
      channel_id: base.channel_id,
      author: {
        id: discord.appId,
        username: 'briefing',
        discriminator: '0',
        avatar: null,
        global_name: null,
      },
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      components: [],
    };
    const click = { ...base, type: 3, data: { custom_id: 'old-button', component_type: 2 }, message };
    const callback = await discord.interactAndWait(click as never, 5000);
    const body = callback.body as { type: number; data: { content: string; flags: number } };
    expect(body.data.content).toBe(i18n.getFixedT('fr')('bot:refused.unknownComponent'));
    expect(body.data.flags).toBe(64);
  });

  it('answers an interaction whose permissions string discord.js cannot read', async () => {
    const payload = discord.chatInput({ name: 'sources', memberPermissions: 'not-a-number' });
    const callback = await discord.interactAndWait(payload, 5000);
    const body = callback.body as { type: number; data: { content: string; flags: number } };
    expect(body.data.content).toBe(en('bot:refused.unreadable', { ref: payload.id }));
    expect(body.data.flags).toBe(64);
  });
});

describe('secrets in what Discord echoes', () => {
  it('never prints a start of the token that Discord quotes back in a refusal', async () => {
    const token = 'MTQ0NjY0NzYxODk5NTM4NDQ4Mw.GhJkLm.abcdefghijklmnopqrstuvwxyz0123456789AB';
    const discord = await startFakeDiscord();
    discord.failNext(
      { method: 'GET', path: '/gateway/bot' },
      { status: 401, code: 0, message: `401: Unauthorized (token ${token.slice(0, 14)}…)` },
    );
    const bot = startBotProcess({
      BRIEFING_DATA_DIR: join(dir, 'bot'),
      DISCORD_TOKEN: token,
      DISCORD_API_BASE: discord.apiBase,
    });
    try {
      expect(await bot.exited).toBe(1);
      expect(bot.output()).toContain('Could not connect to Discord');
      expect(bot.output()).not.toContain(token.slice(0, 8));
    } finally {
      await bot.stop();
      await discord.close();
    }
  }, 60_000);
});
