import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_QUESTIONS } from '../../bench/questions.ts';
import { loadI18n } from '../../bot/i18n.ts';
import { commands } from '../../commands/registry.ts';
import { type BotHarness, startBotHarness } from '../bot/discord/harness.ts';
import type { InteractionPayload } from '../support/fake-discord.ts';
import { acknowledgement, messagesFor, SOAK, until, visibleText } from './support/replies.ts';

const BURST = 1000;
/** Discord drops an interaction not acknowledged within 3 s of its creation (the fake answers 404 past it). */
const DEADLINE_MS = 3000;

const i18n = await loadI18n();
const BUSY = { fr: i18n.getFixedT('fr')('bot:busy'), en: i18n.getFixedT('en')('bot:busy') };
const questions = BENCH_QUESTIONS;

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ commands, deploy: true });
});
afterAll(async () => {
  await bot?.cleanup();
});

/** Fires every payload at once and waits until each is acknowledged or past Discord's deadline. */
async function fireAtOnce(payloads: InteractionPayload[]): Promise<number[]> {
  for (const payload of payloads) bot.fake.interact(payload);
  const settled = (payload: InteractionPayload) => {
    const state = bot.fake.interactionState(payload)!;
    return state.acknowledged || Date.now() - state.createdAt > DEADLINE_MS + 500;
  };
  await until(() => payloads.every(settled), 30_000, 'every interaction settled');
  return payloads.map((payload) => {
    const ack = acknowledgement(bot.fake, payload);
    return ack ? ack.time - bot.fake.interactionState(payload)!.createdAt : Number.POSITIVE_INFINITY;
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

describe(`a burst of ${BURST} /ask at once, through the real client`, () => {
  it('acknowledges each within Discord’s 3 seconds, with an answer or a clear busy reply in the asker’s language', async () => {
    const rounds = SOAK ? 5 : 1;
    for (let round = 0; round < rounds; round++) {
      const payloads = Array.from({ length: BURST }, (_, i) => {
        const { question, lang } = questions[i % questions.length]!;
        return {
          lang,
          payload: bot.fake.chatInput({
            name: 'ask',
            options: { question },
            locale: lang === 'fr' ? 'fr' : 'en-US',
            user: { id: String(200_000_000_000_000_000n + BigInt(round * BURST + i)), username: `user${i}` },
          }),
        };
      });
      const latencies = await fireAtOnce(payloads.map(({ payload }) => payload));
      const sorted = [...latencies].sort((a, b) => a - b);
      let busy = 0;
      let answered = 0;
      for (const { lang, payload } of payloads) {
        const [message] = messagesFor(bot.fake, payload);
        expect(message, 'every interaction got a message').toBeDefined();
        if (visibleText(message!) === BUSY[lang]) {
          busy++;
          expect(message!.flags).toBe(64);
        } else {
          answered++;
          expect(message!.embeds?.length ?? 0).toBeGreaterThan(0);
        }
      }
      console.info(
        `burst of ${BURST} /ask: ack latency max ${sorted.at(-1)} ms, p99 ${percentile(sorted, 0.99)} ms, ` +
          `p50 ${percentile(sorted, 0.5)} ms; ${answered} answered, ${busy} told busy`,
      );
      expect(sorted.at(-1)).toBeLessThan(DEADLINE_MS);
      expect(answered).toBeGreaterThan(0);
    }
  }, 120_000);

  it('answers normally once the burst is over', async () => {
    const payload = bot.fake.chatInput({ name: 'ask', options: { question: questions[0]!.question } });
    await bot.fake.interactAndWait(payload);
    const [message] = messagesFor(bot.fake, payload);
    expect(message!.embeds?.length ?? 0).toBeGreaterThan(0);
    expect(bot.logs.some((line) => line.event === 'interaction.failed')).toBe(false);
  });
});
