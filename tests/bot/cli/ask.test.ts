import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../bot/cli/main.ts';
import { fakeIo } from '../../support/cli-io.ts';

let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  env = { BRIEFING_DATA_DIR: await mkdtemp(join(tmpdir(), 'briefing-ask-')), LANG: 'C' };
});

const ask = async (question: string, lang: 'fr' | 'en') => {
  const io = fakeIo([], env);
  const code = await main(['ask', question, '--lang', lang], io);
  return { code, out: io.stdout.join('\n') };
};

describe('briefing ask, as a reader sees it', () => {
  it('labels and dates a French answer the French way', async () => {
    const { code, out } = await ask('Combien vaut le contrat entre IREN et Microsoft ?', 'fr');
    expect(code).toBe(0);
    expect(out).toMatch(/^Sources : .+ \d{1,2} [a-zéû]+ 20\d\d$/m);
    expect(out).toMatch(/^En date du : \d{1,2} [a-zéû]+ 20\d\d$/m);
    expect(out).not.toMatch(/\d{4}-\d{2}-\d{2}|Sources:|Réponse par modèle/);
  });

  it('says how an answer was written in words a French reader does not mistake for an AI model', async () => {
    const { out } = await ask('Combien vaut le contrat entre IREN et Microsoft ?', 'fr');
    expect(out).toContain('— Réponse composée à partir de faits vérifiés');
  });

  it('labels and dates an English answer the English way', async () => {
    const { out } = await ask('How much is the IREN–Microsoft deal worth?', 'en');
    expect(out).toMatch(/^As of: [A-Z][a-z]+ \d{1,2}, 20\d\d$/m);
  });
});
