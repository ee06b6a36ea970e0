import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_QUESTIONS } from '../../bench/questions.ts';
import { loadI18n } from '../../bot/i18n.ts';
import {
  type BurstRig,
  DISCORD_DEADLINE_MS,
  deadlineOnThisMachine,
  distribution,
  fireAtOnce,
  startBurstRig,
} from './support/burst.ts';
import { messagesFor, SOAK, until, visibleText } from './support/replies.ts';

const BURST = 2000;

const i18n = await loadI18n();
const BUSY = { fr: i18n.getFixedT('fr')('bot:busy'), en: i18n.getFixedT('en')('bot:busy') };
const deadlineMs = deadlineOnThisMachine();

let rig: BurstRig;
beforeAll(async () => {
  rig = await startBurstRig(deadlineMs);
}, 90_000);
afterAll(() => rig?.close());

const ask = (i: number, round: number) => {
  const { question, lang } = BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]!;
  const payload = rig.fake.chatInput({
    name: 'ask',
    options: { question },
    locale: lang === 'fr' ? 'fr' : 'en-US',
    user: { id: String(300_000_000_000_000_000n + BigInt(round * BURST + i)), username: `user${i}` },
  });
  return { lang, payload };
};

describe(`a burst of ${BURST} /ask at once on \`briefing bot\` (its own process, through discord.js)`, () => {
  it('acknowledges every one before the stand-in’s deadline, with an answer or a busy reply in the asker’s language', async () => {
    for (let round = 0; round < (SOAK ? 5 : 1); round++) {
      const langs: ('fr' | 'en')[] = [];
      const { payloads, delays } = await fireAtOnce(rig.fake, deadlineMs, BURST, (i) => {
        const { lang, payload } = ask(i, round);
        langs.push(lang);
        return payload;
      });
      // An acknowledgement may be a deferral, whose answer edits the message in a little later.
      await until(
        () => payloads.every((payload) => messagesFor(rig.fake, payload).length > 0),
        60_000,
        'a message for every interaction',
      );
      let busy = 0;
      let answered = 0;
      for (const [i, payload] of payloads.entries()) {
        const [message] = messagesFor(rig.fake, payload);
        if (!message) continue;
        if (visibleText(message) === BUSY[langs[i]!]) {
          busy++;
          expect(message.flags, 'a busy reply is ephemeral').toBe(64);
        } else if (message.embeds?.length) answered++;
      }
      const dropped = delays.filter((delay) => !Number.isFinite(delay)).length;
      const { p50, p99, max } = distribution(delays);
      console.info(
        `burst of ${BURST} /ask: ack p50 ${p50} ms, p99 ${p99} ms, max ${max} ms (deadline ${deadlineMs} ms, ` +
          `Discord's ${DISCORD_DEADLINE_MS} ms stretched by the machine's load); ${answered} answered, ` +
          `${busy} told busy, ${dropped} dropped`,
      );
      expect(dropped, 'interactions the stand-in refused as late, as Discord would drop them').toBe(0);
      expect(answered + busy).toBe(BURST);
      expect(answered).toBeGreaterThan(0);
    }
  }, 300_000);

  it('answers normally once the burst is over', async () => {
    const { payload } = ask(0, 99);
    await rig.fake.interactAndWait(payload, 10_000);
    const [message] = messagesFor(rig.fake, payload);
    expect(message!.embeds?.length ?? 0).toBeGreaterThan(0);
    expect(rig.bot.output()).not.toContain('interaction.failed');
  }, 30_000);
});
