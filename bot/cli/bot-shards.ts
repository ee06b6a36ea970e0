import { secretsOf } from '../config.ts';
import { startShards } from '../discord/shard-manager.ts';
import { createLogger, maskSecrets } from '../log.ts';
import { startCli } from './context.ts';
import type { CliIo } from './io.ts';
import { USAGE } from './parse.ts';

const MAX_SHARDS = 1000;

/** Reads `--shards`: `auto`, or a whole number of shards; undefined when it is neither. */
export function parseShards(value: string): 'auto' | number | undefined {
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value)) return undefined;
  const count = Number(value);
  return count >= 1 && count <= MAX_SHARDS ? count : undefined;
}

/**
 * `briefing bot --shards auto|N`: starts the shards as child processes (discord.js's ShardingManager) and keeps
 * them running until SIGINT or SIGTERM, which it passes on to each shard, so each stops cleanly.
 */
export async function runShards(value: string, io: CliIo): Promise<number> {
  const session = await startCli(io);
  if (!session) return USAGE;
  const { config, t } = session;
  const shards = parseShards(value);
  if (shards === undefined) {
    io.err(t('bot:shards.badValue', { value }));
    return USAGE;
  }
  if (!config.DISCORD_TOKEN) {
    io.err(t('bot:run.noToken'));
    return USAGE;
  }
  // Files belong to one process: a second shard on the same data folder would be refused the store.
  if (shards !== 1 && !config.DATABASE_URL) {
    io.err(t('bot:shards.needsDatabase', { value }));
    return USAGE;
  }
  const log = createLogger({ level: config.BRIEFING_LOG_LEVEL, secrets: secretsOf(config), write: io.err });
  const say = (text: string) => io.out(maskSecrets(text, secretsOf(config)));
  say(t('bot:shards.starting', { count: shards }));
  let manager: Awaited<ReturnType<typeof startShards>>;
  try {
    manager = await startShards({
      token: config.DISCORD_TOKEN,
      shards,
      ...(config.DISCORD_API_BASE ? { apiBase: config.DISCORD_API_BASE } : {}),
      log: (event, fields) => log.info(event, fields),
    });
  } catch (error) {
    io.err(maskSecrets(t('bot:shards.failed', { reason: String(error) }), secretsOf(config)));
    return 1;
  }
  say(t('bot:shards.ready', { count: manager.totalShards }));
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  say(t('bot:shards.stopping', { signal }));
  manager.respawn = false;
  await Promise.all(
    [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  return 0;
}
