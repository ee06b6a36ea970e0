import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { type FakeDiscord, startFakeDiscord } from '../../support/fake-discord.ts';
import { createSnowflake } from '../../support/snowflake.ts';

const ENTRY = resolve(import.meta.dirname, '..', '..', '..', 'bot', 'briefing.mjs');

/** `count` servers, each with one #digest channel, ids spread over the shards by their creation times. */
export async function startServers(count: number, shards: number): Promise<FakeDiscord> {
  const base = Date.parse('2024-01-01T00:00:00Z');
  return startFakeDiscord({
    shards,
    guilds: Array.from({ length: count }, (_, i) => ({
      id: createSnowflake(base + i * 7),
      channels: [{ name: 'digest' }],
    })),
  });
}

/** Every server's digest at the current UTC minute, in English, straight into the shared database. */
export async function scheduleDigests(url: string, fake: FakeDiscord, now = new Date()): Promise<string> {
  const time = now.toISOString().slice(11, 16);
  const rows = fake.guilds.map((guild) => ({
    guildId: guild.id,
    lang: 'en',
    digest: {
      enabled: true,
      channelId: guild.channels[0]!.id,
      time,
      timeZone: 'UTC',
      mode: 'template',
      quietDays: true,
    },
  }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO guild_settings (guild_id, doc, seq) SELECT d->>'guildId', d, 1 FROM json_array_elements($1::json) d`,
      [JSON.stringify(rows)],
    );
    await client.query("UPDATE change_heads SET seq = 1 WHERE name = 'settings'");
  } finally {
    await client.end();
  }
  return now.toISOString().slice(0, 10);
}

/** The shard processes' manager, its log lines, and the pid of each shard as last spawned. */
export interface RunningShards {
  child: ChildProcess;
  lines: string[];
  pids: Map<number, number>;
  stop(): Promise<void>;
}

/** `briefing bot --shards N` against the stand-in and the database, in a data folder of its own. */
export async function startShardProcesses(
  fake: FakeDiscord,
  url: string,
  shards: number,
): Promise<RunningShards> {
  const dataDir = await mkdtemp(join(tmpdir(), 'shards-'));
  const child = spawn(process.execPath, [ENTRY, 'bot', '--shards', String(shards)], {
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: 'fake-token',
      DISCORD_API_BASE: fake.apiBase,
      DATABASE_URL: url,
      BRIEFING_DATA_DIR: dataDir,
      BRIEFING_LOG_LEVEL: 'info',
      BRIEFING_LANG: 'en',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const pids = new Map<number, number>();
  const read = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      if (!line.includes('"shard.spawned"')) continue;
      const event = JSON.parse(line) as { shard: number; pid: number };
      pids.set(event.shard, event.pid);
    }
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    lines,
    pids,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      for (const pid of pids.values()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone, as it should be.
        }
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` holds, polling every 100 ms; fails after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
