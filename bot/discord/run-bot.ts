import { type Client, Events } from 'discord.js';
import type { Logger } from '../log.ts';
import type { InteractionRouter } from './router.ts';

/** Something that emits SIGINT and SIGTERM: the process, or a test's emitter. */
export interface SignalSource {
  once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface RunBotOptions {
  client: Client;
  token: string;
  router: InteractionRouter;
  log: Logger;
  /** Closes what the bot opened besides the client (stores, schedulers). */
  close(): Promise<void>;
  /** Human lines for the terminal (connected, stopping…), already in the operator's language. */
  say(
    key: 'connecting' | 'ready' | 'loginFailed' | 'stopping' | 'stopped',
    params?: Record<string, unknown>,
  ): void;
  signals?: SignalSource;
  /** How long a shutdown waits for the interactions in progress. */
  drainMs?: number;
  /** Resolves once the client is ready (tests); the returned promise still ends only at shutdown. */
  onReady?(client: Client<true>): void;
}

/**
 * Logs in and serves interactions until SIGINT or SIGTERM, then stops cleanly: lets the interactions in progress
 * finish (a few seconds at most), destroys the client (closing the gateway with 1000), closes the stores.
 * Resolves with the exit code: 0 after a clean shutdown, 1 when the login fails.
 */
export async function runBot(options: RunBotOptions): Promise<number> {
  const { client, router, log, say } = options;
  const signals = options.signals ?? process;
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  router.watch(client);
  // Without an 'error' listener, an error event would be an uncaught exception.
  client.on(Events.Error, (error) => log.error('discord.error', { error }));
  client.on(Events.Warn, (message) => log.warn('discord.warn', { message }));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn('discord.disconnected', { shard, code: event.code }),
  );
  client.on(Events.ShardResume, (shard) => log.info('discord.resumed', { shard }));
  client.once(Events.ClientReady, (ready) => {
    log.info('bot.ready', { user: ready.user.tag, guilds: ready.guilds.cache.size });
    say('ready', { tag: ready.user.tag, count: ready.guilds.cache.size });
    options.onReady?.(ready);
  });

  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => {
    stop = resolve;
  });
  const onSigint = () => stop('SIGINT');
  const onSigterm = () => stop('SIGTERM');
  signals.once('SIGINT', onSigint);
  signals.once('SIGTERM', onSigterm);
  const detach = () => {
    signals.off('SIGINT', onSigint);
    signals.off('SIGTERM', onSigterm);
  };

  say('connecting');
  try {
    await client.login(options.token);
  } catch (error) {
    detach();
    log.error('bot.loginFailed', { error });
    say('loginFailed', { reason: error instanceof Error ? error.message : String(error) });
    await client.destroy();
    await options.close();
    return 1;
  }

  const signal = await stopped;
  detach();
  log.info('bot.stopping', { signal });
  say('stopping', { signal });
  await router.drain(options.drainMs ?? 5000);
  await client.destroy();
  await options.close();
  log.info('bot.stopped', { signal });
  say('stopped');
  return 0;
}
