import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmDigestWriter } from '../../../bot/digest/llm-writer.ts';
import { createDigestPreview } from '../../../bot/digest/preview.ts';
import { loadTranslators } from '../../../bot/digest/source.ts';
import { createAnthropicClient } from '../../../bot/llm/anthropic.ts';
import { openSettingsStore, type SettingsStore } from '../../../bot/settings-store.ts';
import { addVerified, newFigure, snapshot, storeAt } from '../../facts/digest/fixtures.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../../support/fake-anthropic.ts';

const GUILD = '300000000000000002';
let fake: FakeAnthropic;
let dir: string;
let settings: SettingsStore;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  dir = await mkdtemp(join(tmpdir(), 'digest-llm-'));
  const opened = await openSettingsStore(dir);
  if (!opened.ok) throw new Error(opened.code);
  settings = opened.value;
  await settings.updateGuild(GUILD, { digest: { mode: 'llm' } });
});
afterAll(async () => {
  await settings.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

async function preview() {
  const { store, at } = storeAt('2025-11-04T06:00:00Z');
  await addVerified(store, newFigure('bitfarms-loss', 'bitfarms', 46));
  at('2025-11-04T12:00:00Z');
  const translate = await loadTranslators();
  const llm = createAnthropicClient({
    apiKey: 'sk-test',
    model: 'claude-test',
    timeoutMs: 500,
    baseURL: fake.baseURL,
  });
  const writer = createLlmDigestWriter(llm, () => store.listEntities(), translate);
  return createDigestPreview({
    loadSource: () => snapshot(store),
    settings,
    translate,
    now: () => new Date('2025-11-04T12:00:00Z'),
    writer,
    llmAvailable: true,
  });
}

const textOf = (previews: Awaited<ReturnType<Awaited<ReturnType<typeof preview>>>>) =>
  previews
    .flatMap((p) =>
      p.embeds.map(
        (embed) => `${embed.description ?? ''} ${(embed.fields ?? []).map((f) => f.value).join(' ')}`,
      ),
    )
    .join('\n');

describe('a digest written by the LLM', () => {
  it('is used when every number in it verifies, and it only saw the digest’s facts', async () => {
    fake.enqueue({ text: 'In today’s news, Bitfarms reported $46 million [bitfarms-loss].' });
    const shown = textOf(await (await preview())(GUILD, 'en'));
    expect(shown).toContain('In today’s news, Bitfarms reported $46 million.');
    expect(shown).not.toContain('[bitfarms-loss]');
    expect(JSON.stringify(fake.requests.at(-1)!.body.messages)).toContain('bitfarms-loss');
  });

  it('gives way to the template when it carries a number no fact backs', async () => {
    fake.enqueue({ text: 'Bitfarms reported $64 million [bitfarms-loss].' });
    const shown = textOf(await (await preview())(GUILD, 'en'));
    expect(shown).not.toContain('$64 million');
    expect(shown).toContain('Bitfarms reported $46 million.');
  });

  it('gives way to the template when the service fails', async () => {
    fake.enqueue({ status: 529 });
    const shown = textOf(await (await preview())(GUILD, 'fr'));
    expect(shown).toContain('46 millions de dollars');
  });
});

describe('a digest written by the LLM that may not be posted', () => {
  it.each([
    ['in the wrong language', 'fr', 'Bitfarms reported $46 million [bitfarms-loss].'],
    ['with a masked link', 'en', 'Bitfarms reported [$46 million](https://evil.example) [bitfarms-loss].'],
    ['with @everyone', 'en', '@everyone Bitfarms reported $46 million [bitfarms-loss].'],
    ['with a role mention', 'en', '<@&300000000000000009> Bitfarms reported $46 million [bitfarms-loss].'],
  ])('gives way to the template when written %s', async (_kind, lang, text) => {
    fake.enqueue({ text });
    const shown = textOf(await (await preview())(GUILD, lang as 'fr' | 'en'));
    expect(shown).not.toContain('evil.example');
    expect(shown).not.toMatch(/@everyone|<@&/);
    expect(shown).toContain(lang === 'fr' ? '46 millions de dollars' : '$46 million');
    if (lang === 'fr') expect(shown).not.toContain('Bitfarms reported');
  });
});

describe('the LLM limits of /digest preview', () => {
  it('templates the preview once the asker’s LLM budget is spent, without calling the model', async () => {
    const { store, at } = storeAt('2025-11-04T06:00:00Z');
    await addVerified(store, newFigure('bitfarms-loss', 'bitfarms', 46));
    at('2025-11-04T12:00:00Z');
    const translate = await loadTranslators();
    const llm = createAnthropicClient({
      apiKey: 'sk-test',
      model: 'claude-test',
      timeoutMs: 500,
      baseURL: fake.baseURL,
    });
    const { createLlmLimits } = await import('../../../bot/llm/limits.ts');
    const limits = createLlmLimits(1, 100);
    const previewDigest = createDigestPreview({
      loadSource: () => snapshot(store),
      settings,
      translate,
      now: () => new Date('2025-11-04T12:00:00Z'),
      writer: createLlmDigestWriter(llm, () => store.listEntities(), translate),
      llmAvailable: true,
      allowLlm: (askerId) => limits.allow(askerId),
    });
    fake.enqueue({ text: 'Bitfarms reported $46 million [bitfarms-loss].' });
    await previewDigest(GUILD, 'en', 'reader-1');
    const calls = fake.requests.length;
    const second = textOf(await previewDigest(GUILD, 'en', 'reader-1'));
    expect(fake.requests.length).toBe(calls);
    expect(second).toContain('$46 million');
    fake.enqueue({ text: 'Bitfarms reported $46 million [bitfarms-loss].' });
    await previewDigest(GUILD, 'en', 'reader-2');
    expect(fake.requests.length).toBe(calls + 1);
  });
});
