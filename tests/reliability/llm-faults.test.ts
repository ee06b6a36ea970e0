import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_QUESTIONS } from '../../bench/questions.ts';
import { composeAnswerer } from '../../bot/answerer.ts';
import { readConfig } from '../../bot/config.ts';
import { loadI18n } from '../../bot/i18n.ts';
import type { Logger } from '../../bot/log.ts';
import { commands } from '../../commands/registry.ts';
import { createVerifier } from '../../facts/verify/index.ts';
import { type BotHarness, startBotHarness } from '../bot/discord/harness.ts';
import {
  type FakeAnthropic,
  type FakeAnthropicReply,
  type RecordedMessagesRequest,
  startFakeAnthropic,
} from '../support/fake-anthropic.ts';
import { claimText, messagesFor, SOAK, seededRandom, until, visibleText } from './support/replies.ts';

const QUESTIONS = 100;
/** Bursts one after the other (more of them under BRIEFING_SOAK=1); a single larger burst would test overload. */
const BURSTS = SOAK ? 6 : 1;
const LLM_TIMEOUT_MS = 800;
/** The figure every wrong answer carries, in the shapes either language writes it. */
const WRONG = /8[\s,.\u00a0\u202f]?765/;

const questions = BENCH_QUESTIONS;

/** The facts the bot gave the model: one JSON line each inside `<facts>`. */
function factsOf(request: RecordedMessagesRequest): { id: string; text: string }[] {
  const user = String((request.body.messages?.[0] as { content?: unknown } | undefined)?.content ?? '');
  const block = /<facts>\n([\s\S]*?)\n<\/facts>/.exec(user)?.[1] ?? '';
  return block
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; text: string });
}

/** Every way the model's side can go wrong, and the right answer, in a shuffled but replayable order. */
const KINDS = [
  'right',
  'right',
  'wrongNumber',
  'wrongNumber',
  'timeout',
  'rateLimited',
  'overloaded',
  'serverError',
  'garbageJson',
  'notJson',
  'refusal',
  'empty',
  'foreignCitation',
] as const;
type Kind = (typeof KINDS)[number];

function scriptedReply(kind: Kind, request: RecordedMessagesRequest): FakeAnthropicReply {
  const [fact] = factsOf(request);
  const text = fact?.text ?? '';
  switch (kind) {
    case 'right':
      return { text: `${text} [${fact?.id}]` };
    case 'wrongNumber':
      // The fact's own words with its first figure swapped for a figure no fact holds.
      return {
        text: `${/\d/.test(text) ? text.replace(/\d[\d.,\u00a0\u202f ]*\d|\d/, '8765') : `${text} 8765 $`} [${fact?.id}]`,
      };
    case 'timeout':
      return { delayMs: LLM_TIMEOUT_MS * 3, reply: { text: `${text} [${fact?.id}]` } };
    case 'rateLimited':
      return { status: 429, retryAfter: 30 };
    case 'overloaded':
      return { status: 529 };
    case 'serverError':
      return { status: 500 };
    case 'garbageJson':
      return { raw: '{"id":"msg_x","content":[{"type":"text","text":"8765' };
    case 'notJson':
      return { raw: '<html>502 Bad Gateway 8765</html>', contentType: 'text/html', status: 200 };
    case 'refusal':
      return { refusal: true, text: 'I would rather say 8765.' };
    case 'empty':
      return { text: '   ' };
    case 'foreignCitation':
      return { text: `${text} [not-a-fact-we-gave]` };
  }
}

let fake: FakeAnthropic;
let bot: BotHarness;
const served: Kind[] = [];

beforeAll(async () => {
  fake = await startFakeAnthropic();
  const random = seededRandom(Number(process.env.BRIEFING_SEED ?? 7));
  fake.respondWith((request) => {
    const kind = KINDS[Math.floor(random() * KINDS.length)]!;
    served.push(kind);
    return scriptedReply(kind, request);
  });
  const parsed = readConfig({
    BRIEFING_DATA_DIR: '/nonexistent',
    ANTHROPIC_API_KEY: 'sk-ant-llm-faults-test-key',
    ANTHROPIC_BASE_URL: fake.baseURL,
    BRIEFING_LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS),
    BRIEFING_LLM_USER_PER_HOUR: '10000',
    BRIEFING_LLM_GLOBAL_PER_MINUTE: '10000',
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const i18n = await loadI18n();
  bot = await startBotHarness({
    commands,
    deploy: true,
    // The real answer engine and the real Anthropic client, pointed at the stand-in.
    services: (base) => ({
      llmAvailable: true,
      answerer: composeAnswerer(base.store, base.search, i18n, parsed.config, base.log as Logger),
    }),
  });
});
afterAll(async () => {
  await bot?.cleanup();
  await fake?.close();
});

describe(`bursts of ${QUESTIONS} questions while the LLM times out, rate-limits, fails and makes numbers up`, () => {
  it('answers every one, with only verified numbers and none of the made-up ones', async () => {
    const verifier = createVerifier(bot.services.store.listFacts(), bot.services.store.listEntities());
    const footers = new Map<string, number>();
    for (let burst = 0; burst < BURSTS; burst++) {
      const asked = Array.from({ length: QUESTIONS }, (_, i) => {
        const { question, lang } = questions[i % questions.length]!;
        const payload = bot.fake.chatInput({
          name: 'ask',
          options: { question },
          locale: lang === 'fr' ? 'fr' : 'en-US',
          user: {
            id: String(400_000_000_000_000_000n + BigInt(burst * QUESTIONS + i)),
            username: `asker${i}`,
          },
        });
        return { lang, payload };
      });
      for (const { payload } of asked) bot.fake.interact(payload);
      const answered = (payload: (typeof asked)[number]['payload']) =>
        messagesFor(bot.fake, payload).some((message) => (message.embeds?.length ?? 0) > 0);
      await until(
        () => asked.every(({ payload }) => answered(payload)),
        20_000,
        'every question answered',
      ).catch(() => undefined);
      expect(asked.filter(({ payload }) => !answered(payload)).map(({ payload }) => payload.id)).toEqual([]);

      for (const { lang, payload } of asked) {
        expect(bot.fake.interactionState(payload)?.acknowledged).toBe(true);
        const messages = messagesFor(bot.fake, payload);
        for (const message of messages) {
          expect(visibleText(message)).not.toMatch(WRONG);
          for (const claim of claimText(message)) {
            const report = verifier.verify(claim, lang);
            expect(report.ok, `${claim}\n${JSON.stringify(report.numbers)}`).toBe(true);
          }
        }
        const footer = messages.at(-1)?.embeds?.at(-1)?.footer?.text ?? '';
        footers.set(footer, (footers.get(footer) ?? 0) + 1);
      }
    }
    // The faults did happen, and the right answers did get through as the LLM wrote them.
    expect(new Set(served)).toEqual(new Set(KINDS));
    // Which reasons show depends on timing (a slow reply is a timeout whatever it carried), not which exist.
    const reasons = new Set(
      bot.logs.filter((line) => line.event === 'llmFallback').map((line) => String(line.reason)),
    );
    const expected = [
      'llmError',
      'llmMalformed',
      'llmOverloaded',
      'llmRateLimited',
      'llmRefused',
      'llmTimeout',
      'llmUnverified',
    ];
    expect(expected).toEqual(expect.arrayContaining([...reasons]));
    expect(reasons.size).toBeGreaterThanOrEqual(5);
    const i18n = await loadI18n();
    const llmFooters = ['fr', 'en'].map((lang) => i18n.getFixedT(lang)('commands:ask.footer.llm'));
    expect(llmFooters.reduce((sum, footer) => sum + (footers.get(footer) ?? 0), 0)).toBeGreaterThan(0);
    expect(
      bot.logs.some((line) => line.event === 'command.crashed' || line.event === 'interaction.failed'),
    ).toBe(false);
  }, 120_000);
});
