import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmDigestWriter } from '../../../bot/digest/llm-writer.ts';
import { loadTranslators } from '../../../bot/digest/source.ts';
import { createAnthropicClient } from '../../../bot/llm/anthropic.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../../support/fake-anthropic.ts';
import { type Harness, ids, startHarness } from './harness.ts';

let fake: FakeAnthropic;
let h: Harness | undefined;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(() => fake.close());

const server = ids(7);

/** Posts today's digest of a server in LLM mode, with the LLM writing `text`; returns what Discord received. */
async function postWith(text: string, lang: 'fr' | 'en') {
  h = await startHarness([{ ...server, lang, digest: { mode: 'llm' } }]);
  const llm = createAnthropicClient({
    apiKey: 'sk-test',
    model: 'claude-test',
    timeoutMs: 500,
    baseURL: fake.baseURL,
  });
  const writer = createLlmDigestWriter(llm, () => [], await loadTranslators());
  fake.respondWith(() => ({ text }));
  h.setNow('2025-11-04T08:00:30Z');
  await (await h.scheduler({ writer, llmAvailable: true })).tick();
  return JSON.stringify(h.posts(server.channelId).map((request) => request.body));
}

describe('the posted LLM digest, through the real SDK and the Discord stand-in', () => {
  it('is posted when plain, in the server’s language, and verified', async () => {
    const posted = await postWith('Bitfarms reported $46 million [bitfarms-loss].', 'en');
    expect(posted).toContain('Bitfarms reported $46 million.');
  });

  it.each([
    ['with @everyone', 'en', '@everyone Bitfarms reported $46 million [bitfarms-loss].'],
    ['with a masked link', 'en', 'Bitfarms reported [$46 million](https://evil.example) [bitfarms-loss].'],
    ['in English to a French server', 'fr', 'Bitfarms reported $46 million [bitfarms-loss].'],
  ])('falls back to the templated digest when written %s', async (_kind, lang, text) => {
    const posted = await postWith(text, lang as 'fr' | 'en');
    expect(posted).not.toMatch(/@everyone|evil\.example/);
    if (lang === 'fr') expect(posted).not.toContain('Bitfarms reported');
    // The templated digest lists the key figures, each with its source.
    expect(posted).toContain(lang === 'fr' ? '46 millions de dollars' : '$46 million. — The Ledger');
    expect(h!.lines.some((line) => line.event === 'digestLlmFallback')).toBe(true);
  });
});
