import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeAnswerer } from '../bot/answerer.ts';
import type { Config } from '../bot/config.ts';
import { createDiscordClient } from '../bot/discord/client.ts';
import { createInteractionRouter } from '../bot/discord/router.ts';
import { runBot } from '../bot/discord/run-bot.ts';
import { loadI18n } from '../bot/i18n.ts';
import { createLogger } from '../bot/log.ts';
import { openSettingsStore } from '../bot/settings-store.ts';
import { ask } from '../commands/ask.ts';
import type { Command, Reply, Services } from '../commands/index.ts';
import { createFactIndex } from '../facts/search/index.ts';
import { loadSeed } from '../facts/seed/index.ts';
import { openMemoryStore } from '../facts/store/index.ts';
import { type FakeDiscord, startFakeDiscord } from '../tests/support/fake-discord.ts';
import { percentile, sample } from './measure.ts';
import { BENCH_QUESTIONS } from './questions.ts';
import type { BenchFigure } from './types.ts';

const TOKEN = 'bench-token';
const RUNS = 300;
const WARMUP = 30;

/** The shared questions, asked from a Discord client in their language. */
const QUESTIONS = BENCH_QUESTIONS.map(({ lang, question }) => ({
  locale: (lang === 'fr' ? 'fr' : 'en-US') as 'fr' | 'en-US',
  question,
}));

/** The floor: a command that does nothing but reply, so its round trip is the router + discord.js + fake alone. */
const noop: Command = {
  data: { name: 'noop' },
  execute: (ctx) => ctx.reply({ content: 'ok', ephemeral: true }),
};

/**
 * A diagnostic: replies what /ask replied the first time it saw the question, without computing anything, so its
 * round trip is the transport of an answer-sized reply (embeds) alone.
 */
function replayCommand(): Command {
  const replies = new Map<string, Reply>();
  return {
    data: { name: 'replay', options: [{ name: 'question', type: 'string', required: true }] },
    async execute(ctx) {
      const question = ctx.options.string('question') ?? '';
      if (!replies.has(question)) {
        await ask.execute({ ...ctx, reply: async (reply) => void replies.set(question, reply) });
      }
      await ctx.reply(replies.get(question)!);
    },
  };
}

interface RunningBot {
  fake: FakeDiscord;
  services: Services;
  stop(): Promise<void>;
}

/** The bot as `briefing bot` wires it (real client, router, run loop) on the seed, against the fake Discord. */
async function startBot(): Promise<RunningBot> {
  const fake = await startFakeDiscord();
  const dir = await mkdtemp(join(tmpdir(), 'bench-discord-'));
  const settings = await openSettingsStore(dir);
  if (!settings.ok) throw new Error(settings.code);
  // Lines are formatted as in production but not written: terminal I/O is not what is measured.
  const log = createLogger({ level: 'info', secrets: [TOKEN], write: () => undefined });
  const i18n = await loadI18n();
  const store = openMemoryStore(loadSeed, { fourEyes: true });
  const search = createFactIndex(store.listFacts(), store.listEntities());
  const config = { BRIEFING_LLM_USER_PER_HOUR: 20, BRIEFING_LLM_GLOBAL_PER_MINUTE: 30 } as Config;
  const services: Services = {
    store,
    search,
    answerer: composeAnswerer(store, search, i18n, config, log, undefined),
    settings: settings.value,
    previewDigest: async () => [],
    llmAvailable: false,
    now: () => new Date(),
    log,
  };
  const router = createInteractionRouter({ commands: [ask, noop, replayCommand()], services, i18n, log });
  // Discord's global REST limit (50/s) would pace a sequential benchmark; it is not the bot's cost.
  const client = createDiscordClient({
    apiBase: fake.apiBase,
    rest: { globalRequestsPerSecond: 1e6, offset: 0, timeout: 2000, retries: 0 },
    waitGuildTimeout: 1000,
  });
  const signals = new EventEmitter();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const running = runBot({
    client,
    token: TOKEN,
    router,
    log,
    signals,
    drainMs: 1000,
    close: async () => {
      await settings.value.close();
      await store.close();
    },
    say: () => undefined,
    onReady: () => ready(),
  });
  const cleanup = async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      isReady,
      running.then((code) => Promise.reject(new Error(`bot exited with ${code}`))),
    ]);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return {
    fake,
    services,
    stop: async () => {
      signals.emit('SIGTERM');
      await running;
      await cleanup();
    },
  };
}

/** Milliseconds from sending INTERACTION_CREATE to the fake receiving the interaction's callback. */
async function roundTrip(fake: FakeDiscord, payload: ReturnType<FakeDiscord['chatInput']>): Promise<number> {
  const start = performance.now();
  const callback = await fake.interactAndWait(payload, 5000);
  const ms = performance.now() - start;
  if (callback.status >= 300) throw new Error(`callback answered ${callback.status}`);
  return ms;
}

/** Whether a callback carries an answer (embeds) rather than an error notice, so a broken /ask cannot look fast. */
const isAnswer = (body: unknown) =>
  ((body as { data?: { embeds?: unknown[] } } | undefined)?.data?.embeds?.length ?? 0) > 0;

/** Round trips of one interaction kind, and the payload that starts each. */
interface Series {
  name: string;
  payload: (
    locale: (typeof QUESTIONS)[number]['locale'],
    question: string,
  ) => ReturnType<FakeDiscord['chatInput']>;
  times: number[];
}

/**
 * `/ask` (templated, on the seed) against a no-op command, both through the real discord.js client and router,
 * alternated one by one after a warm-up so both see the same process state. Two diagnostics ride along: the
 * answer engine alone, and a command replaying an already rendered /ask reply (the transport of its embeds).
 */
export async function measureRoundTrips(): Promise<BenchFigure[]> {
  const bot = await startBot();
  const series: Series[] = ['ask', 'noop', 'replay'].map((name) => ({
    name,
    payload: (locale, question) =>
      bot.fake.chatInput({ name, options: name === 'noop' ? {} : { question }, locale }),
    times: [],
  }));
  let answered = 0;
  let answerTimes: number[] = [];
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const { locale, question } = QUESTIONS[i % QUESTIONS.length]!;
      for (const { payload, times, name } of series) {
        const sent = payload(locale, question);
        const ms = await roundTrip(bot.fake, sent);
        if (i < WARMUP) continue;
        times.push(ms);
        if (name !== 'ask') continue;
        const callback = bot.fake.requests.findLast((request) => request.path.includes(sent.token));
        if (isAnswer(callback?.body)) answered += 1;
      }
    }
    answerTimes = await sample((i) => {
      const { locale, question } = QUESTIONS[i % QUESTIONS.length]!;
      const lang = locale === 'fr' ? 'fr' : 'en';
      return bot.services.answerer.answer({ question, lang, mode: 'template', askerId: 'bench' });
    }, RUNS);
  } finally {
    await bot.stop();
  }
  if (answered === 0)
    throw new Error('no /ask reply carried an answer: the benchmark would time error notices');
  const [askTimes, noopTimes, replayTimes] = series.map((s) => s.times) as [number[], number[], number[]];
  const askP50 = percentile(askTimes, 50);
  const noopP50 = percentile(noopTimes, 50);
  const floor = (p: number) => ({ label: 'no-op command', value: percentile(noopTimes, p) });
  return [
    { group: 'discord', name: 'no-op round trip p50', value: noopP50, unit: 'ms' },
    { group: 'discord', name: 'no-op round trip p99', value: percentile(noopTimes, 99), unit: 'ms' },
    { group: 'discord', name: '/ask templated round trip p50', value: askP50, unit: 'ms', floor: floor(50) },
    {
      group: 'discord',
      name: '/ask templated round trip p99',
      value: percentile(askTimes, 99),
      unit: 'ms',
      floor: floor(99),
      target: 10,
    },
    { group: 'discord', name: '/ask p50 ÷ no-op p50', value: askP50 / noopP50, unit: 'count', target: 3 },
    { group: 'discord', name: `/ask replies with an answer (of ${RUNS})`, value: answered, unit: 'count' },
    {
      group: 'discord /ask parts',
      name: 'replayed /ask reply round trip p50',
      value: percentile(replayTimes, 50),
      unit: 'ms',
      floor: floor(50),
    },
    {
      group: 'discord /ask parts',
      name: 'replayed /ask reply round trip p99',
      value: percentile(replayTimes, 99),
      unit: 'ms',
      floor: floor(99),
    },
    {
      group: 'discord /ask parts',
      name: 'templated answer alone p50',
      value: percentile(answerTimes, 50),
      unit: 'ms',
    },
    {
      group: 'discord /ask parts',
      name: 'templated answer alone p99',
      value: percentile(answerTimes, 99),
      unit: 'ms',
    },
  ];
}
