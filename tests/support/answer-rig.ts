import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeAnswerer } from '../../bot/answerer.ts';
import { readConfig, secretsOf } from '../../bot/config.ts';
import { loadI18n } from '../../bot/i18n.ts';
import { createLogger } from '../../bot/log.ts';
import { createFactIndex } from '../../facts/search/index.ts';
import { loadSeed } from '../../facts/seed/index.ts';
import { openMemoryStore } from '../../facts/store/index.ts';

/** The real answer engine on the seed, configured from an environment like the bot's; log lines are kept. */
export async function answerRig(env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'briefing-answers-'));
  const config = readConfig({ BRIEFING_DATA_DIR: dataDir, ...env });
  if (!config.ok) throw new Error(config.problems.join('\n'));
  const store = openMemoryStore(loadSeed, { fourEyes: true });
  const index = createFactIndex(store.listFacts(), store.listEntities());
  const logs: string[] = [];
  const log = createLogger({
    level: 'debug',
    secrets: secretsOf(config.config),
    write: (line) => logs.push(line),
  });
  const answerer = composeAnswerer(store, index, await loadI18n(), config.config, log);
  return { answerer, store, logs, config: config.config };
}
