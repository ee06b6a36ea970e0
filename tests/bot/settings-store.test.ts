import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore, type SettingsStore } from '../../bot/settings-store.ts';
import { CommandError } from '../../commands/index.ts';

const GUILD = '123456789012345678';
const ROLE = '223456789012345678';
let dir: string;

const open = async (): Promise<SettingsStore> => {
  const opened = await openSettingsStore(dir);
  if (!opened.ok) throw new Error(`did not open: ${opened.code} ${JSON.stringify(opened.params)}`);
  return opened.value;
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the settings store', () => {
  it('gives the defaults of a server it has never seen, without writing a file', async () => {
    const store = await open();
    expect(store.getGuild(GUILD)).toMatchObject({
      guildId: GUILD,
      lang: 'en',
      digest: { enabled: false, time: '08:00' },
    });
    expect(store.getUserLang('42')).toBe('auto');
    await expect(readFile(join(dir, 'settings.json'), 'utf8')).rejects.toThrow();
  });

  it('keeps server settings and language choices across a reopen', async () => {
    const store = await open();
    await store.updateGuild(GUILD, { lang: 'fr', moderatorRoleId: ROLE, digest: { time: '07:30' } });
    await store.setUserLang('42', 'fr');
    await store.close();
    const again = await open();
    expect(again.getGuild(GUILD)).toMatchObject({
      lang: 'fr',
      moderatorRoleId: ROLE,
      digest: { time: '07:30', timeZone: 'UTC' },
    });
    expect(again.getUserLang('42')).toBe('fr');
    expect(again.listGuilds().map((guild) => guild.guildId)).toEqual([GUILD]);
  });

  it('merges a digest patch into the digest instead of replacing it', async () => {
    const store = await open();
    await store.updateGuild(GUILD, { digest: { enabled: true, channelId: ROLE } });
    const updated = await store.updateGuild(GUILD, { digest: { time: '09:15' } });
    expect(updated.digest).toMatchObject({ enabled: true, channelId: ROLE, time: '09:15' });
  });

  it('clears an optional setting patched with undefined', async () => {
    const store = await open();
    await store.updateGuild(GUILD, { moderatorRoleId: ROLE, digest: { disabledReason: 'missingChannel' } });
    const cleared = await store.updateGuild(GUILD, {
      moderatorRoleId: undefined,
      digest: { disabledReason: undefined },
    });
    expect(cleared.moderatorRoleId).toBeUndefined();
    expect(cleared.digest.disabledReason).toBeUndefined();
  });

  it('forgets a user who goes back to auto', async () => {
    const store = await open();
    await store.setUserLang('42', 'en');
    await store.setUserLang('42', 'auto');
    const file = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(file.users).toEqual({});
  });

  it('refuses an invalid change and keeps the previous settings on disk and in memory', async () => {
    const store = await open();
    await store.updateGuild(GUILD, { digest: { time: '08:00', timeZone: 'Europe/Paris' } });
    const before = await readFile(join(dir, 'settings.json'), 'utf8');
    await expect(store.updateGuild(GUILD, { digest: { timeZone: 'Mars/Olympus' } })).rejects.toBeInstanceOf(
      CommandError,
    );
    expect(store.getGuild(GUILD).digest.timeZone).toBe('Europe/Paris');
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('serializes concurrent writes so none is lost', async () => {
    const store = await open();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.setUserLang(`user-${i}`, i % 2 ? 'fr' : 'en')),
    );
    await store.close();
    const again = await open();
    expect(Array.from({ length: 20 }, (_, i) => again.getUserLang(`user-${i}`))).toEqual(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? 'fr' : 'en')),
    );
  });

  it('refuses to open a file that is not JSON, naming the file, and leaves it untouched', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '{ "version": 1, "guilds": ');
    const opened = await openSettingsStore(dir);
    expect(opened).toMatchObject({ ok: false, code: 'settingsCorrupt', params: { file } });
    expect(await readFile(file, 'utf8')).toBe('{ "version": 1, "guilds": ');
  });

  it('refuses to open a file that breaks the schema, naming the bad path', async () => {
    const file = join(dir, 'settings.json');
    const text = JSON.stringify({
      version: 1,
      guilds: { [GUILD]: { guildId: GUILD, lang: 'de' } },
      users: {},
    });
    await writeFile(file, text);
    const opened = await openSettingsStore(dir);
    expect(opened).toMatchObject({
      ok: false,
      code: 'settingsCorrupt',
      params: { file, path: `guilds.${GUILD}.lang` },
    });
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});
