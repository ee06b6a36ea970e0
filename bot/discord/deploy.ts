import { REST, Routes } from 'discord.js';
import type { CommandDefinition } from '../../commands/index.ts';
import type { CommandLocaleLookup } from '../app/command-locales.ts';
import { type DiscordClientOptions, restOptions } from './client.ts';
import { type CommandJson, toCommandsJson } from './definitions.ts';

export interface DeployOptions extends DiscordClientOptions {
  token: string;
  applicationId: string;
  /** Registers for one server (instant, for testing) instead of globally. */
  guildId?: string;
}

/** Fields Discord only accepts on global commands. */
const withoutGlobalFields = ({
  contexts: _c,
  integration_types: _i,
  dm_permission: _d,
  ...rest
}: CommandJson) => rest;

/**
 * Registers the commands with their French and English localizations, replacing the application's set
 * (PUT, so removed commands disappear). Throws a DefinitionError before any request if a definition breaks
 * Discord's rules, and discord.js's DiscordAPIError if Discord refuses. Returns how many Discord now has.
 */
export async function deployCommands(
  definitions: readonly CommandDefinition[],
  lookup: CommandLocaleLookup,
  options: DeployOptions,
): Promise<number> {
  const body = toCommandsJson(definitions, lookup);
  const rest = new REST(restOptions(options)).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const registered = (await rest.put(route, {
    body: options.guildId ? body.map(withoutGlobalFields) : body,
  })) as unknown[];
  return registered.length;
}
