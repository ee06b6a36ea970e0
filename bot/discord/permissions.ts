import { type Interaction, PermissionFlagsBits } from 'discord.js';
import type { SettingsRepository } from '../../facts/settings.ts';

/**
 * Whether the member who triggered an interaction moderates the server: Manage Server (or Administrator) in the
 * interaction's own permissions, or the server's configured moderator role. Computed for every call, whatever
 * default permissions the command was registered with (a server can override those).
 */
export function isModeratorMember(interaction: Interaction, settings: SettingsRepository): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roleId = settings.getGuild(interaction.guildId).moderatorRoleId;
  if (!roleId) return false;
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId);
}
