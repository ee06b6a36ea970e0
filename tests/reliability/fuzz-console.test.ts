import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeAnswerer } from '../../bot/answerer.ts';
import { lookupFromResources } from '../../bot/app/command-locales.ts';
import type { Config } from '../../bot/config.ts';
import { pipedLines } from '../../bot/console/lines.ts';
import { runConsoleLoop } from '../../bot/console/repl.ts';
import { CONSOLE_GUILD_ID, type ConsoleSession } from '../../bot/console/session.ts';
import { loadI18n, readLocaleResources } from '../../bot/i18n.ts';
import { createLogger } from '../../bot/log.ts';
import { openSettingsStore, type SettingsStore } from '../../bot/settings-store.ts';
import { commands } from '../../commands/registry.ts';
import { createFactIndex } from '../../facts/search/index.ts';
import { loadSeed } from '../../facts/seed/index.ts';
import { openMemoryStore } from '../../facts/store/index.ts';
import { SOAK } from './support/replies.ts';

const FACT = 'iren-microsoft-deal-value';

/** Console input as people paste it: commands with odd values, form lines, and plain garbage. */
const PIECES = [
  '/ask ',
  '/ask question: ',
  '/fact ',
  '/quote speaker: ',
  '/lang value: ',
  '/sources',
  '/digest preview',
  '/facts add id: fuzz kind: figure',
  `/facts edit id:${FACT}`,
  `/facts verify id:${FACT} version: `,
  `/facts retire id:${FACT} reason: `,
  `/facts history id:${FACT}`,
  '/settings language: ',
  '/settings digest_time: ',
  '/settings timezone: ',
  '/settings moderator_role: ',
  '/help',
  'text_en: ',
  'values: ',
  'sources: ',
  'details: ',
  '@everyone',
  '<@&123456789012345678>',
  '"',
  '«',
  ':',
  'id:',
  '\\n',
  '\u200b',
  '\u202e',
  '🎉',
  '9,7 milliards',
  '-1',
  '1e999',
  ' ',
  '#',
];
const line = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join('').replace(/[\r\n]/g, ' '));
const script = fc.array(fc.oneof(line, fc.constant('')), { minLength: 1, maxLength: 12 });

let dir: string;
let settings: SettingsStore;
const logs: { level: string; event: string }[] = [];
let base: Omit<ConsoleSession, 'moderator' | 'print'>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fuzz-console-'));
  const opened = await openSettingsStore(dir);
  if (!opened.ok) throw new Error(opened.code);
  settings = opened.value;
  const log = createLogger({ level: 'info', secrets: [], write: (text) => logs.push(JSON.parse(text)) });
  const i18n = await loadI18n();
  const store = openMemoryStore(loadSeed, { fourEyes: true });
  const search = createFactIndex(store.listFacts(), store.listEntities());
  const limits = { BRIEFING_LLM_USER_PER_HOUR: 20, BRIEFING_LLM_GLOBAL_PER_MINUTE: 30 } as Config;
  base = {
    commands,
    services: {
      store,
      search,
      settings,
      answerer: composeAnswerer(store, search, i18n, limits, log, undefined),
      previewDigest: async () => [],
      llmAvailable: false,
      now: () => new Date(),
      log,
    },
    i18n,
    log,
    lookup: lookupFromResources(readLocaleResources()),
    user: { id: 'console:fuzzer', name: 'fuzzer' },
    guildId: CONSOLE_GUILD_ID,
    sessionLang: 'en',
  };
});
afterAll(async () => {
  await settings?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the console, fed fuzzed piped lines', () => {
  it('never crashes: every line is run, refused or explained, and the loop ends with 0 or 1', async () => {
    await fc.assert(
      fc.asyncProperty(
        script,
        fc.boolean(),
        fc.constantFrom('fr' as const, 'en' as const),
        async (lines, moderator, lang) => {
          const mark = logs.length;
          const printed: string[] = [];
          const code = await runConsoleLoop({
            session: { ...base, moderator, sessionLang: lang, print: (text) => printed.push(text) },
            lines: pipedLines(Readable.from([`${lines.join('\n')}\n`])),
            interactive: false,
            printError: (text) => printed.push(text),
          });
          expect([0, 1]).toContain(code);
          expect(logs.slice(mark).filter((entry) => entry.event === 'command.crashed')).toEqual([]);
        },
      ),
      { numRuns: SOAK ? 2000 : 200, seed: Number(process.env.BRIEFING_SEED ?? 20251126) },
    );
    // The fuzz reached the handlers, not only the parser: questions were answered and failures explained.
    const events = new Set(logs.map((entry) => entry.event));
    expect(events).toContain('ask.answered');
    expect(events).toContain('command.failed');
  }, 120_000);
});
