import type pg from 'pg';
import { CommandError } from '../../../commands/index.ts';
import {
  type GuildSettings,
  type GuildSettingsPatch,
  GuildSettingsSchema,
  type SettingsRepository,
  type UserLang,
} from '../../../facts/settings.ts';
import { checkout, inTransaction, retryOnDisconnect } from './pool.ts';
import { watchChanges } from './watcher.ts';

const CHANNEL = 'briefing_settings';

/** The settings repository with what the composition root needs (the same shape as the file store's). */
export interface PostgresSettingsStore extends SettingsRepository {
  readonly file: string;
  close(): Promise<void>;
}

/**
 * Server settings and language choices on PostgreSQL, read from memory. Each write bumps the `settings` counter
 * under its row lock and tags its row with it, so a process that re-reads everything above the counter it last saw
 * (on each notification, after a reconnect, and every few seconds) misses nothing.
 */
export async function openPostgresSettings(
  pool: pg.Pool,
  url: string,
  options: { pollMs?: number; onError?: (error: Error) => void } = {},
): Promise<PostgresSettingsStore> {
  const guilds = new Map<string, GuildSettings>();
  const users = new Map<string, UserLang>();
  let seen = 0;
  let syncing: Promise<void> = Promise.resolve();

  /** Everything above the counter last seen, read in one snapshot: a row committed meanwhile is not skipped. */
  const readChanges = async () => {
    const { client, release } = await checkout(pool);
    let g: pg.QueryResult<{ doc: GuildSettings; seq: string }>;
    let u: pg.QueryResult<{ user_id: string; lang: UserLang; seq: string }>;
    let f: pg.QueryResult<{ user_id: string; seq: string }>;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      g = await client.query('SELECT doc, seq FROM guild_settings WHERE seq > $1', [seen]);
      u = await client.query('SELECT user_id, lang, seq FROM user_langs WHERE seq > $1', [seen]);
      f = await client.query('SELECT user_id, seq FROM user_langs_forgotten WHERE seq > $1', [seen]);
      await client.query('COMMIT');
      release();
    } catch (error) {
      // Still inside the transaction, or dead: either way this connection is not handed out again.
      release(true);
      throw error;
    }
    let top = seen;
    for (const row of g.rows) {
      guilds.set(row.doc.guildId, row.doc);
      top = Math.max(top, Number(row.seq));
    }
    // A choice and its forgetting apply in counter order.
    const langs = [
      ...u.rows.map((row) => ({ ...row, seq: Number(row.seq) })),
      ...f.rows.map((row) => ({ user_id: row.user_id, lang: undefined, seq: Number(row.seq) })),
    ].sort((a, b) => a.seq - b.seq);
    for (const row of langs) {
      if (row.lang) users.set(row.user_id, row.lang);
      else users.delete(row.user_id);
      top = Math.max(top, row.seq);
    }
    seen = top;
  };
  const sync = () => {
    syncing = syncing
      .then(() => retryOnDisconnect(readChanges))
      .catch((error: unknown) => options.onError?.(error as Error));
    return syncing;
  };
  await readChanges();
  const watcher = watchChanges({
    url,
    channels: [CHANNEL],
    onNotify: () => void sync(),
    onConnected: () => void sync(),
    onPoll: () => void sync(),
    pollMs: options.pollMs ?? 2000,
    ...(options.onError ? { onError: options.onError } : {}),
  });
  await watcher.ready;

  /** One change under the counter's lock; `apply` gets the counter value to tag rows with. */
  const change = async (apply: (client: pg.PoolClient, seq: number) => Promise<void>) => {
    // A lost answer is retried: the merge and the choice are the same the second time.
    await retryOnDisconnect(() =>
      inTransaction(pool, async (client) => {
        const head = await client.query<{ seq: string }>(
          "UPDATE change_heads SET seq = seq + 1 WHERE name = 'settings' RETURNING seq",
        );
        const seq = Number(head.rows[0]!.seq);
        await apply(client, seq);
        await client.query('SELECT pg_notify($1, $2)', [CHANNEL, String(seq)]);
      }),
    );
    await sync();
  };
  const defaults = (guildId: string): GuildSettings => GuildSettingsSchema.parse({ guildId });

  return {
    file: 'postgres:guild_settings',
    getGuild: (guildId) => guilds.get(guildId) ?? defaults(guildId),
    listGuilds: () => [...guilds.values()],
    updateGuild: async (guildId: string, patch: GuildSettingsPatch) => {
      await change(async (client, seq) => {
        const current = await client.query<{ doc: GuildSettings }>(
          'SELECT doc FROM guild_settings WHERE guild_id = $1',
          [guildId],
        );
        const before = current.rows[0]?.doc ?? defaults(guildId);
        const merged = { ...before, ...patch, guildId, digest: { ...before.digest, ...patch.digest } };
        // An explicit `undefined` clears an optional setting; JSON has no undefined, so drop the key.
        const parsed = GuildSettingsSchema.safeParse(JSON.parse(JSON.stringify(merged)));
        if (!parsed.success) {
          const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
          throw new CommandError('settingsInvalid', {}, problems);
        }
        await client.query(
          `INSERT INTO guild_settings (guild_id, doc, seq) VALUES ($1, $2, $3)
           ON CONFLICT (guild_id) DO UPDATE SET doc = excluded.doc, seq = excluded.seq`,
          [guildId, JSON.stringify(parsed.data), seq],
        );
      });
      return guilds.get(guildId) ?? defaults(guildId);
    },
    getUserLang: (userId) => users.get(userId) ?? 'auto',
    setUserLang: (userId, lang) =>
      change(async (client, seq) => {
        // `auto` is the default: forget the user rather than store a choice they did not make.
        if (lang === 'auto') {
          await client.query('DELETE FROM user_langs WHERE user_id = $1', [userId]);
          await client.query(
            `INSERT INTO user_langs_forgotten (user_id, seq) VALUES ($1, $2)
             ON CONFLICT (user_id) DO UPDATE SET seq = excluded.seq`,
            [userId, seq],
          );
        } else {
          await client.query(
            `INSERT INTO user_langs (user_id, lang, seq) VALUES ($1, $2, $3)
             ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, seq = excluded.seq`,
            [userId, lang, seq],
          );
        }
      }),
    close: async () => {
      await syncing;
      await watcher.close();
    },
  };
}
