import { DiscordAPIError } from 'discord.js';
import { isSnowflake } from '../../facts/schema/index.ts';
import { lookupFromResources } from '../app/command-locales.ts';
import { secretsOf } from '../config.ts';
import { DefinitionError, formatProblem } from '../discord/definitions.ts';
import { deployCommands } from '../discord/deploy.ts';
import { readLocaleResources } from '../i18n.ts';
import { maskSecrets } from '../log.ts';
import { startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { parseCli, USAGE } from './parse.ts';

const OPTIONS = { guild: { type: 'string' } } as const;

/** Discord's nested form errors as `path: message` lines. */
function flattenErrors(node: unknown, path: string[] = []): string[] {
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = Array.isArray(record._errors)
    ? (record._errors as { message?: string }[]).map((error) => `${path.join('.')}: ${error.message ?? ''}`)
    : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, child]) =>
      key === '_errors' ? [] : flattenErrors(child, [...path, key]),
    ),
  ];
}

/**
 * `briefing deploy-commands [--guild <id>]`: registers the slash commands with their French and English
 * localizations, for one server (instant) or globally. Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.
 */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, OPTIONS, io);
  if (!parsed) return USAGE;
  const session = await startCli(io);
  if (!session) return USAGE;
  const { config, t } = session;
  const guildId = parsed.values.guild;
  if (parsed.positionals.length > 0) {
    io.err(t('bot:deploy.usage'));
    return USAGE;
  }
  if (guildId !== undefined && !isSnowflake(guildId)) {
    io.err(`${t('bot:deploy.badGuild', { value: guildId })}\n${t('bot:deploy.usage')}`);
    return USAGE;
  }
  const missing = [
    ...(config.DISCORD_TOKEN ? [] : [t('bot:deploy.missingToken')]),
    ...(config.DISCORD_APPLICATION_ID ? [] : [t('bot:deploy.missingApplicationId')]),
  ];
  if (missing.length > 0 || !config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    io.err(missing.join('\n'));
    return USAGE;
  }
  const { commands } = await import('../../commands/registry.ts');
  try {
    const count = await deployCommands(
      commands.map((command) => command.data),
      lookupFromResources(readLocaleResources()),
      {
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        ...(guildId ? { guildId } : {}),
        ...(config.DISCORD_API_BASE ? { apiBase: config.DISCORD_API_BASE } : {}),
      },
    );
    const scope = guildId ? t('bot:deploy.scopeGuild', { guild: guildId }) : t('bot:deploy.scopeGlobal');
    io.out(t('bot:deploy.done', { count, scope }));
    return 0;
  } catch (error) {
    if (error instanceof DefinitionError) {
      io.err(
        t('bot:deploy.invalidDefinitions', { problems: error.problems.map(formatProblem).join('\n  ') }),
      );
      return 1;
    }
    const reason =
      error instanceof DiscordAPIError
        ? [
            `${error.status} ${error.message}`,
            ...flattenErrors((error.rawError as { errors?: unknown }).errors),
          ].join('\n  ')
        : error instanceof Error
          ? error.message
          : String(error);
    // Discord's message may quote what it was sent: never print a secret.
    io.err(maskSecrets(t('bot:deploy.failed', { reason }), secretsOf(config)));
    return 1;
  }
};
