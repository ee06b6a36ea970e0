// Child process of the start-up benchmark (loaded through tsx as bot/briefing.mjs does): the bot's start-up,
// step by step, up to clientReady. Only node builtins load before the first mark, so each import is its own step.
import { performance } from 'node:perf_hooks';

/** One step of the start-up: when it ended (ms since process start) and the RSS then (bytes). */
export interface StartupMark {
  step: string;
  ms: number;
  rss: number;
}

const marks: StartupMark[] = [];
const mark = (step: string) => marks.push({ step, ms: performance.now(), rss: process.memoryUsage().rss });

/** The calls `openServices` and `botCommand` make, one at a time with a mark after each (drift shows against `briefing bot`). */
async function startBot(): Promise<void> {
  mark('node boot + tsx + entry');
  await import('discord.js');
  mark('import discord.js');
  // The Anthropic SDK is loaded only on the first LLM call, and the benchmark sets no key.
  await Promise.all([import('zod'), import('i18next'), import('minisearch')]);
  mark('import zod, i18next, minisearch');
  const [
    config,
    openStore,
    settingsStore,
    search,
    i18nModule,
    answerer,
    client,
    router,
    runBotModule,
    logModule,
    digest,
  ] = await Promise.all([
    import('../bot/config.ts'),
    import('../bot/open-store.ts'),
    import('../bot/settings-store.ts'),
    import('../facts/search/index.ts'),
    import('../bot/i18n.ts'),
    import('../bot/answerer.ts'),
    import('../bot/discord/client.ts'),
    import('../bot/discord/router.ts'),
    import('../bot/discord/run-bot.ts'),
    import('../bot/log.ts'),
    import('../bot/digest/source.ts'),
  ]);
  const { commands } = await import('../commands/registry.ts');
  mark('import project modules (tsx transform)');
  const read = config.readConfig(process.env);
  if (!read.ok) throw new Error(read.problems.join('; '));
  const log = logModule.createLogger({ level: 'warn', secrets: [read.config.DISCORD_TOKEN ?? ''] });
  const facts = await openStore.openFactStore(read.config);
  if (!facts.ok) throw new Error(facts.code);
  mark('open fact store');
  const settings = await settingsStore.openSettingsStore(read.config.dataDir);
  if (!settings.ok) throw new Error(settings.code);
  mark('open settings store');
  const store = facts.value.store;
  const index = search.createFactIndex(store.listFacts(), store.listEntities());
  mark('build search index');
  const i18n = await i18nModule.loadI18n();
  // openServices also loads the digest's translators (for previews and the scheduler).
  await digest.loadTranslators();
  mark('load i18n and digest translators');
  const services = {
    store,
    search: index,
    answerer: answerer.composeAnswerer(store, index, i18n, read.config, log),
    settings: settings.value,
    previewDigest: async () => [],
    llmAvailable: false,
    now: () => new Date(),
    log,
  };
  const discord = client.createDiscordClient({ apiBase: read.config.DISCORD_API_BASE! });
  const routing = router.createInteractionRouter({ commands, services, i18n, log });
  mark('compose answerer, client, router');
  const code = await runBotModule.runBot({
    client: discord,
    token: read.config.DISCORD_TOKEN!,
    router: routing,
    log,
    close: async () => {
      await settings.value.close();
      await store.close();
    },
    say: () => undefined,
    onReady: () => {
      mark('login → clientReady');
      process.stdout.write(`${JSON.stringify({ marks })}\n`);
    },
  });
  process.exit(code);
}

if (process.env.BENCH_DISCORD_CHILD === 'bot') await startBot();
