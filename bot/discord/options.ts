import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandOptions } from '../../commands/index.ts';

/** No options at all (modal submits). */
export const NO_OPTIONS: CommandOptions = {
  string: () => undefined,
  integer: () => undefined,
  boolean: () => undefined,
};

/** The options of a slash command or an autocomplete as the transport-neutral CommandOptions. */
export function readDiscordOptions(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): CommandOptions {
  const value = (name: string) => interaction.options.get(name)?.value ?? undefined;
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false) ?? undefined;
  const subcommand = group && sub ? `${group} ${sub}` : sub;
  const focused = interaction.isAutocomplete() ? interaction.options.getFocused(true) : undefined;
  return {
    ...(subcommand ? { subcommand } : {}),
    // Channel and role options arrive as ids, which handlers read as strings.
    string: (name) => {
      const raw = value(name);
      return raw === undefined ? undefined : String(raw);
    },
    integer: (name) => {
      const raw = value(name);
      const number = typeof raw === 'number' ? raw : Number(raw);
      return raw === undefined || !Number.isFinite(number) ? undefined : Math.trunc(number);
    },
    boolean: (name) => {
      const raw = value(name);
      return typeof raw === 'boolean' ? raw : undefined;
    },
    ...(focused ? { focused: { name: focused.name, value: String(focused.value) } } : {}),
  };
}
