import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CommandError } from '../commands/index.ts';
import { ok, type Result } from '../facts/result.ts';
import {
  type GuildSettings,
  type GuildSettingsPatch,
  GuildSettingsSchema,
  type SettingsRepository,
  type UserLang,
  UserLangSchema,
} from '../facts/settings.ts';
import { lockDataFolder } from './store/data-lock.ts';
import { parseDocument } from './store/files/data-document.ts';
import { dataFile, diskFullOf, type FileSystem, nodeFileSystem } from './store/files/storage.ts';

/** The whole of `settings.json`: servers by id, and the users who chose a language with `/lang`. */
export const SettingsFileSchema = z
  .strictObject({
    version: z.literal(1),
    guilds: z.record(z.string(), GuildSettingsSchema),
    users: z.record(z.string().min(1).max(100), UserLangSchema),
  })
  .superRefine((data, ctx) => {
    for (const [key, guild] of Object.entries(data.guilds)) {
      if (guild.guildId !== key)
        ctx.addIssue({ code: 'custom', path: ['guilds', key, 'guildId'], message: 'differs from its key' });
    }
  });
type SettingsFile = z.infer<typeof SettingsFileSchema>;

export const SETTINGS_FILE = 'settings.json';

/** The settings repository plus what the composition root needs at shutdown. */
export interface SettingsStore extends SettingsRepository {
  readonly file: string;
  /** Waits for the writes in flight. */
  close(): Promise<void>;
}

const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);

/**
 * Opens `<dir>/settings.json` under the data folder's lock. A file that is not valid JSON or does not match the
 * schema refuses to open (`settingsCorrupt`, with the file, line and first bad path) and is never overwritten.
 * Writes are serialized, validated, then replace the file atomically; one the disk refuses fails with `diskFull`
 * and changes nothing.
 */
export async function openSettingsStore(
  dir: string,
  fs: FileSystem = nodeFileSystem,
): Promise<Result<SettingsStore>> {
  const adapter = dataFile(join(dir, SETTINGS_FILE), fs);
  const file = adapter.path;
  await mkdir(dir, { recursive: true });
  const lock = await lockDataFolder(dir, fs);
  if (!lock.ok) return lock;
  const text = await adapter.read();
  let data: SettingsFile = { version: 1, guilds: {}, users: {} };
  if (text !== null) {
    const parsed = parseDocument(file, text, SettingsFileSchema, 'settingsCorrupt');
    if (!parsed.ok) {
      await lock.value();
      return parsed;
    }
    data = parsed.value;
  }

  let queue: Promise<unknown> = Promise.resolve();
  /** Runs one change after the previous one: validate the next state, write it, then make it current. */
  const commit = <T>(change: (current: SettingsFile) => { next: SettingsFile; result: T }): Promise<T> => {
    const run = queue.then(async () => {
      const { next, result } = change(data);
      const valid = SettingsFileSchema.safeParse(next);
      if (!valid.success) throw new CommandError('settingsInvalid', {}, describeIssues(valid.error));
      await adapter.write(JSON.stringify(valid.data, null, 2)).catch((error: unknown) => {
        const full = diskFullOf(error, file);
        throw full ? new CommandError('diskFull', { file, reason: full.reason }) : error;
      });
      data = valid.data;
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const defaults = (guildId: string): GuildSettings => GuildSettingsSchema.parse({ guildId });

  return ok({
    file,
    getGuild: (guildId) => data.guilds[guildId] ?? defaults(guildId),
    listGuilds: () => Object.values(data.guilds),
    updateGuild: (guildId: string, patch: GuildSettingsPatch) =>
      commit((current) => {
        const before = current.guilds[guildId] ?? defaults(guildId);
        const merged = { ...before, ...patch, guildId, digest: { ...before.digest, ...patch.digest } };
        // An explicit `undefined` clears an optional setting; JSON has no undefined, so drop the key.
        const cleaned = JSON.parse(JSON.stringify(merged)) as GuildSettings;
        return { next: { ...current, guilds: { ...current.guilds, [guildId]: cleaned } }, result: undefined };
      }).then(() => data.guilds[guildId] ?? defaults(guildId)),
    getUserLang: (userId): UserLang => data.users[userId] ?? 'auto',
    setUserLang: (userId, lang) =>
      commit((current) => {
        const users = { ...current.users };
        // `auto` is the default: forget the user rather than store a choice they did not make.
        if (lang === 'auto') delete users[userId];
        else users[userId] = lang;
        return { next: { ...current, users }, result: undefined };
      }),
    close: () => queue.then(() => lock.value()),
  });
}
