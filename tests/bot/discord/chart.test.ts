import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../../bot/chart/cache.ts';
import { chart } from '../../../commands/chart.ts';
import type { RecordedRequest } from '../../support/fake-discord.ts';
import { type BotHarness, startBotHarness } from './harness.ts';

type Edit = {
  content?: string;
  attachments?: Array<{ id: string | number; filename?: string; description?: string }>;
};
const edit = (request: RecordedRequest) => request.body as Edit;

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({
    commands: [chart],
    deploy: true,
    services: { charts: createChartRenderer() },
  });
});
afterAll(async () => {
  await bot?.cleanup();
});

async function askChart(query: string, locale: 'fr' | 'en-US') {
  const payload = bot.fake.chatInput({ name: 'chart', options: { query }, locale });
  const edited = bot.fake.waitForOriginalEdit(payload, 15_000);
  bot.fake.interact(payload);
  return edited;
}

describe('/chart through the real discord.js client and the Discord stand-in', () => {
  it('sends the French chart as a PNG attachment whose description is the French alt text', async () => {
    const request = await askChart('bitfarms perte nette', 'fr');
    expect(request.files).toEqual([
      expect.objectContaining({ filename: 'graphique.png', contentType: expect.stringMatching(/png/) }),
    ]);
    expect(request.files[0]!.size).toBeGreaterThan(1000);
    const description = edit(request).attachments?.[0]?.description ?? '';
    expect(description).toMatch(/^Diagramme en barres\. Perte nette, Bitfarms/);
    expect(description).toMatch(/46[\u00a0\u202f ]millions de dollars/);
    expect(description).toContain('Données au 30 septembre 2025');
  });

  it('sends the English chart with the English alt text', async () => {
    const request = await askChart('stablecoin market', 'en-US');
    expect(request.files).toEqual([expect.objectContaining({ filename: 'chart.png' })]);
    const description = edit(request).attachments?.[0]?.description ?? '';
    expect(description).toMatch(/^Bar chart\. Market size, stablecoins/);
    expect(description).toContain('January 2025: $205 billion');
    expect(description).toContain('As of August 31, 2025');
  });

  it('says in the reader’s language when a fact’s figures stand alone', async () => {
    const payload = bot.fake.chatInput({
      name: 'chart',
      options: { query: 'bitfarms-bitcoin-holdings' },
      locale: 'fr',
    });
    const request = await (async () => {
      const edited = bot.fake.waitForOriginalEdit(payload, 15_000);
      const followUp = bot.fake.waitForFollowUp(payload, 15_000);
      bot.fake.interact(payload);
      return Promise.any([edited, followUp]);
    })();
    expect(JSON.stringify(request.body)).toContain('Aucun chiffre vérifié à dessiner');
    expect(request.files).toEqual([]);
  });

  it('completes the query with verified facts, like /fact', async () => {
    const payload = bot.fake.autocomplete({
      name: 'chart',
      options: { query: 'bitfarms' },
      focused: 'query',
    });
    const request = await bot.fake.interactAndWait(payload);
    const choices = (request.body as { data: { choices: Array<{ value: string }> } }).data.choices;
    expect(choices.map((choice) => choice.value)).toContain('bitfarms-q3-2025-net-loss');
  });
});
