import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../bot/cli/deploy-commands.ts';
import type { CliIo } from '../../../bot/cli/io.ts';
import { commands } from '../../../commands/registry.ts';
import { type FakeDiscord, startFakeDiscord } from '../../support/fake-discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

const deploy = async (args: string[], env: Record<string, string>) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdin: Readable.from([]),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { LANG: 'C', ...env },
  };
  const code = await run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const discordEnv = () => ({
  DISCORD_TOKEN: 'fake-token',
  DISCORD_APPLICATION_ID: fake.appId,
  DISCORD_API_BASE: fake.apiBase,
});

describe('briefing deploy-commands', () => {
  it('registers every command for one server with French and English localizations', async () => {
    const guild = fake.guilds[0]!.id;
    const { code, out } = await deploy(['--guild', guild], discordEnv());
    expect(code).toBe(0);
    expect(out).toContain(`Registered ${commands.length} commands on server ${guild}`);
    const put = fake.requests.find((request) => request.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${fake.appId}/guilds/${guild}/commands`);
    expect(put.headers.authorization).toBe('Bot fake-token');
    const registered = fake.commands(guild);
    expect(registered.map((command) => command.name)).toEqual(commands.map((command) => command.data.name));
    expect(registered.every((command) => command.description_localizations?.fr)).toBe(true);
  });

  it('registers globally without --guild', async () => {
    const { code } = await deploy([], discordEnv());
    expect(code).toBe(0);
    expect(fake.commands().length).toBe(commands.length);
  });

  it('never prints the token, even when Discord’s error quotes it', async () => {
    const token = 'MTA-secret-token-quoted-back';
    fake.failNext({ method: 'PUT' }, { status: 403, code: 50001, message: `Missing Access for ${token}` });
    const { code, err } = await deploy([], { ...discordEnv(), DISCORD_TOKEN: token });
    expect(code).toBe(1);
    expect(err).toContain('Missing Access');
    expect(err).not.toContain(token);
  });

  it('says which variables are missing, in the terminal’s language', async () => {
    const { code, err } = await deploy([], { LANG: 'fr_FR.UTF-8' });
    expect(code).toBe(2);
    expect(err).toContain('DISCORD_TOKEN n’est pas défini');
    expect(err).toContain('DISCORD_APPLICATION_ID n’est pas défini');
  });

  it('refuses a server id that is not a snowflake', async () => {
    const { code, err } = await deploy(['--guild', 'general'], discordEnv());
    expect(code).toBe(2);
    expect(err).toContain('“general” is not a server id');
  });

  it('reports Discord’s refusal with its reason', async () => {
    fake.failNext({ method: 'PUT' }, { status: 403, code: 50001 });
    const { code, err } = await deploy([], discordEnv());
    expect(code).toBe(1);
    expect(err).toContain('Missing Access');
  });
});
