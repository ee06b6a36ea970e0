import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord.ts';
import { startBotProcess } from './support/bot-process.ts';

let dir: string;
let discord: FakeDiscord;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corrupt-data-'));
  await mkdir(join(dir, 'data'));
  discord = await startFakeDiscord();
});
afterEach(async () => {
  await discord.close();
  await rm(dir, { recursive: true, force: true });
});

const GUILD = '111111111111111111';
const settings = (guild: string) =>
  `{\n  "version": 1,\n  "guilds": {\n    "${GUILD}": ${guild}\n  },\n  "users": {}\n}\n`;
const digests = (record: string) =>
  `{"version":1,\n"records":{\n"${GUILD}:2025-11-04":${record}\n},\n"lastPosted":{}}\n`;

/** Each data file, broken in a way a careless edit or a cut write leaves it, and the line that says where. */
const CASES = [
  { file: 'settings.json', text: settings('{ "guildId": "111111111111111111", }'), line: 4 },
  { file: 'settings.json', text: settings('{ "guildId": "111111111111111111", "lang": "de" }'), line: 4 },
  {
    file: 'digests.json',
    text: digests('{"guildId":"111111111111111111","localDate":"2025-11-04","status":"posted"'),
    // The record's closing brace is missing: the text runs out at the end of the file.
    line: 6,
  },
  {
    file: 'digests.json',
    text: digests('{"guildId":"111111111111111111","localDate":"someday","status":"skipped"}'),
    line: 3,
  },
  {
    file: 'facts.json',
    text: '{"format":1,"auditSeq":0,\n"auditBytes":0,\n"entities":[\n{"id":}\n]}',
    line: 4,
  },
  { file: 'audit.jsonl', text: '{"seq":1}\nnot json\n', line: 1 },
];

describe('briefing bot on a corrupt or invalid data file', () => {
  for (const { file, text, line } of CASES) {
    it(`refuses to start on a bad ${file}, naming it and line ${line}, and leaves it as it was`, async () => {
      const path = join(dir, 'data', file);
      await writeFile(path, text);
      const bot = startBotProcess({
        BRIEFING_DATA_DIR: join(dir, 'data'),
        DISCORD_TOKEN: 'fake-token-123',
        DISCORD_API_BASE: discord.apiBase,
      });
      try {
        expect(await bot.exited).toBe(1);
        expect(bot.output()).toContain(`${path}:${line}`);
        expect(bot.output()).not.toContain('Connected as');
        expect(bot.output()).not.toMatch(/\n\s+at /);
        expect(await readFile(path, 'utf8')).toBe(text);
      } finally {
        await bot.stop();
      }
    }, 60_000);
  }
});
