import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lookupFromResources } from '../../../bot/app/command-locales.ts';
import { deployCommands } from '../../../bot/discord/deploy.ts';
import { readLocaleResources } from '../../../bot/i18n.ts';
import { commands } from '../../../commands/registry.ts';
import { type FakeDiscord, type InteractionPayload, startFakeDiscord } from '../../support/fake-discord.ts';
import { type BotProcess, startBotProcess } from './bot-process.ts';
import { acknowledgement, until } from './replies.ts';

/** Discord drops an interaction not acknowledged within 3 s of its creation; the stand-in refuses it with 404. */
export const DISCORD_DEADLINE_MS = 3000;

/**
 * Discord's deadline on a machine whose cores are shared: stretched by how many runnable processes each core
 * has on average (the load average per core), never shortened. The bot and the stand-in each get that share
 * of a core; Discord's own servers do not slow down with ours, so the test judges the bot, not the machine.
 */
export const deadlineOnThisMachine = (): number =>
  Math.round(DISCORD_DEADLINE_MS * Math.max(1, loadavg()[0]! / availableParallelism()));

/** `briefing bot` in its own process against the stand-in in this one: two event loops, as with Discord. */
export interface BurstRig {
  fake: FakeDiscord;
  bot: BotProcess;
  close(): Promise<void>;
}

export async function startBurstRig(
  replyDeadlineMs: number,
  env: Record<string, string> = {},
): Promise<BurstRig> {
  const fake = await startFakeDiscord({ replyDeadlineMs });
  const dataDir = await mkdtemp(join(tmpdir(), 'burst-'));
  await deployCommands(
    commands.map((command) => command.data),
    lookupFromResources(readLocaleResources()),
    { token: 'fake-token', applicationId: fake.appId, apiBase: fake.apiBase, rest: { retries: 0 } },
  );
  const bot = startBotProcess({
    BRIEFING_DATA_DIR: dataDir,
    BRIEFING_LOG_LEVEL: 'warn',
    DISCORD_TOKEN: 'fake-token-123',
    DISCORD_API_BASE: fake.apiBase,
    ...env,
  });
  await bot.waitForOutput('Connected as', 60_000);
  return {
    fake,
    bot,
    close: async () => {
      await bot.stop();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates and sends every interaction at once, back to back (each stamped as Discord does, when it is sent) and waits until each
 * is acknowledged or past its deadline. Returns the payloads and each one's acknowledgement delay as the stand-in
 * saw it (from the interaction's creation to its accepted callback), or Infinity when Discord would have dropped it.
 */
export async function fireAtOnce(
  fake: FakeDiscord,
  deadlineMs: number,
  count: number,
  make: (index: number) => InteractionPayload,
): Promise<{ payloads: InteractionPayload[]; delays: number[] }> {
  const payloads: InteractionPayload[] = [];
  for (let index = 0; index < count; index++) {
    const payload = make(index);
    fake.interact(payload);
    payloads.push(payload);
    // As fast as the stand-in can send them, but never holding its loop: it must take callbacks meanwhile, and
    // stamp each when it comes, as Discord does.
    await new Promise((next) => setImmediate(next));
  }
  const settled = (payload: InteractionPayload) => {
    const state = fake.interactionState(payload)!;
    return state.acknowledged || Date.now() - state.createdAt > deadlineMs + 1000;
  };
  await until(() => payloads.every(settled), 120_000, 'every interaction settled');
  const delays = payloads.map((payload) => {
    const ack = acknowledgement(fake, payload);
    return ack ? ack.time - fake.interactionState(payload)!.createdAt : Number.POSITIVE_INFINITY;
  });
  return { payloads, delays };
}

/** p50, p99 and max of the delays, in ms. */
export function distribution(delays: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...delays].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}
