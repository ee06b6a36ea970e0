import { secretsOf } from '../config.ts';
import { DigestLog } from '../digest/digest-log.ts';
import { type RunningDigests, startDigests } from '../digest/start.ts';
import { createDiscordClient } from '../discord/client.ts';
import { createInteractionRouter } from '../discord/router.ts';
import { runBot } from '../discord/run-bot.ts';
import { guildOwner } from '../discord/shards.ts';
import { loadI18n } from '../i18n.ts';
import { createLogger, type Logger, maskSecrets } from '../log.ts';
import { startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import type { ServicesOpener } from './services.ts';

/**
 * discord.js builds interactions inside a promise it does not await: a payload it cannot read would be an
 * unhandled rejection, which ends a Node process. Logged instead, so one bad event never takes the bot down.
 */
function guardProcess(log: Logger): () => void {
  const onRejection = (reason: unknown) => log.error('process.unhandledRejection', { error: reason });
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}

/**
 * `briefing bot`: the Discord bot and its digest scheduler, until SIGINT or SIGTERM. Needs DISCORD_TOKEN;
 * DISCORD_API_BASE points the REST client elsewhere (tests use a local stand-in). Commands are registered
 * separately, with `briefing deploy-commands`.
 */
export const botCommand =
  (openServices: ServicesOpener): Subcommand =>
  async (_args, io) => {
    const session = await startCli(io);
    if (!session) return 2;
    const { config, t } = session;
    if (!config.DISCORD_TOKEN) {
      io.err(t('bot:run.noToken'));
      return 2;
    }
    const log = createLogger({ level: config.BRIEFING_LOG_LEVEL, secrets: secretsOf(config), write: io.err });
    const opened = await openServices(config, log);
    if (!opened.ok) return session.report(opened);
    const { services } = opened.value;
    // Every data file is read before connecting: a corrupt digests.json refuses the start, as settings.json does.
    // With a shared database the log is there, and the data folder (with its one-process lock) is not used.
    const digestLog = opened.value.openDigestLog ? undefined : await DigestLog.open(config.dataDir);
    if (digestLog && !digestLog.ok) {
      await opened.value.close();
      return session.report(digestLog);
    }
    const { commands } = await import('../../commands/registry.ts');
    const client = createDiscordClient(config.DISCORD_API_BASE ? { apiBase: config.DISCORD_API_BASE } : {});
    const router = createInteractionRouter({ commands, services, i18n: await loadI18n(), log });
    const unguard = guardProcess(log);
    let digests: Promise<RunningDigests | undefined> | undefined;
    const code = await runBot({
      client,
      token: config.DISCORD_TOKEN,
      router,
      log,
      onReady: (ready) => {
        digests = startDigests({
          client: ready,
          ...(digestLog?.ok ? { log: digestLog.value } : {}),
          settings: services.settings,
          store: services.store,
          config,
          logger: log,
          llmAvailable: services.llmAvailable,
          ...(opened.value.digestWriter ? { writer: opened.value.digestWriter } : {}),
          ...(opened.value.openDigestLog ? { openLog: opened.value.openDigestLog } : {}),
          ...(guildOwner(ready) ? { ownsGuild: guildOwner(ready)! } : {}),
        }).then((started) => {
          if (started.ok) return started.value;
          log.error('digest.notStarted', { code: started.code, params: started.params });
          return undefined;
        });
      },
      close: async () => {
        await (await digests)?.stop();
        if (digestLog?.ok) await digestLog.value.close();
        await opened.value.close();
      },
      // A terminal line may quote an error message (a refused login), which may quote a credential back.
      say: (key, params) =>
        (key === 'loginFailed' ? io.err : io.out)(
          maskSecrets(t(`bot:run.${key}`, params ?? {}), secretsOf(config)),
        ),
    });
    unguard();
    return code;
  };
