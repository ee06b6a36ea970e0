import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeAnswerer } from '../../bot/answerer.ts';
import type { Config } from '../../bot/config.ts';
import { loadI18n } from '../../bot/i18n.ts';
import type { Logger } from '../../bot/log.ts';
import { commands } from '../../commands/registry.ts';
import { type BotHarness, startBotHarness } from '../bot/discord/harness.ts';
import type { InteractionPayload, RecordedRequest } from '../support/fake-discord.ts';
import { acknowledgement, messagesFor, requestsFor, until } from './support/replies.ts';

const DEADLINE_MS = 3000;
const QUESTION = 'How much is the IREN Microsoft deal worth?';

/** Added to every answer when set: a stand-in for a slow round trip, so the router defers and edits later. */
let answerDelayMs = 0;

let bot: BotHarness;
beforeAll(async () => {
  const i18n = await loadI18n();
  const limits = { BRIEFING_LLM_USER_PER_HOUR: 20, BRIEFING_LLM_GLOBAL_PER_MINUTE: 30 } as Config;
  bot = await startBotHarness({
    commands,
    deploy: true,
    busyAfterMs: 300,
    services: (base) => {
      const real = composeAnswerer(base.store, base.search, i18n, limits, base.log as Logger, undefined);
      return {
        answerer: {
          answer: async (request) => {
            if (answerDelayMs) await new Promise((resolve) => setTimeout(resolve, answerDelayMs));
            return real.answer(request);
          },
        },
      };
    },
  });
  // The harness turns retries off for speed; the bot runs with discord.js's default (3 retries on a 5xx).
  (bot.client.rest.options as { retries: number }).retries = 3;
});
afterAll(async () => {
  await bot?.cleanup();
});

const ask = (i: number) =>
  bot.fake.chatInput({
    name: 'ask',
    options: { question: QUESTION },
    user: { id: String(500_000_000_000_000_000n + BigInt(i)), username: `asker${i}` },
  });

const isCallback = (request: Pick<RecordedRequest, 'method' | 'path'>) =>
  request.method === 'POST' && request.path.endsWith('/callback');

/** Sends every payload at once; resolves when each is acknowledged, or past Discord's deadline. */
async function sendAll(payloads: InteractionPayload[]): Promise<void> {
  for (const payload of payloads) bot.fake.interact(payload);
  await until(
    () =>
      payloads.every((payload) => {
        const state = bot.fake.interactionState(payload)!;
        return state.acknowledged || Date.now() - state.createdAt > DEADLINE_MS + 500;
      }),
    15_000,
    'every interaction acknowledged or expired',
  );
}

/** Each interaction was acknowledged in time, exactly once, and its reply carries the answer. */
function expectAnsweredOnce(payloads: InteractionPayload[]): void {
  for (const payload of payloads) {
    const ack = acknowledgement(bot.fake, payload);
    expect(ack, 'acknowledged').toBeDefined();
    expect(ack!.time - bot.fake.interactionState(payload)!.createdAt).toBeLessThan(DEADLINE_MS);
    const accepted = requestsFor(bot.fake, payload).filter(
      (request) => isCallback(request) && request.status < 300,
    );
    expect(accepted).toHaveLength(1);
    expect(JSON.stringify(messagesFor(bot.fake, payload).at(-1))).toMatch(/9[.,]7/);
  }
}

/** Where this test's log lines start. */
let mark = 0;
beforeEach(() => {
  mark = bot.logs.length;
});

const noCrash = (events = ['interaction.failed', 'command.crashed', 'discord.error']) =>
  expect(bot.logs.slice(mark).filter((line) => events.includes(line.event))).toEqual([]);

describe('Discord faults on replies, through the real client', () => {
  it('waits out a storm of per-route 429s and still acknowledges every interaction in time', async () => {
    bot.fake.failNext(isCallback, { status: 429, retryAfter: 0.25 }, 60);
    const payloads = Array.from({ length: 30 }, (_, i) => ask(i));
    await sendAll(payloads);
    expectAnsweredOnce(payloads);
    const limited = payloads.flatMap((payload) =>
      requestsFor(bot.fake, payload).filter((request) => isCallback(request) && request.status === 429),
    );
    expect(limited).toHaveLength(60);
    noCrash();
  });

  it('waits out a global 429 that stops every request, then answers all', async () => {
    bot.fake.failNext(isCallback, { status: 429, retryAfter: 0.5, global: true });
    const payloads = Array.from({ length: 20 }, (_, i) => ask(100 + i));
    await sendAll(payloads);
    expectAnsweredOnce(payloads);
    noCrash();
  });

  it('retries a reply that met a 500, 502 or 503, without answering twice', async () => {
    const payloads = Array.from({ length: 12 }, (_, i) => ask(200 + i));
    payloads.forEach((payload, i) => {
      const status = ([500, 502, 503] as const)[i % 3]!;
      bot.fake.failNext(
        { method: 'POST', path: `/interactions/${payload.id}/${payload.token}/callback` },
        { status },
        1 + (i % 3),
      );
    });
    await sendAll(payloads);
    expectAnsweredOnce(payloads);
    noCrash();
  });

  it('survives a reply Discord keeps refusing with 5xx: logs it, and serves the next interaction', async () => {
    const doomed = ask(300);
    bot.fake.failNext(
      { method: 'POST', path: `/interactions/${doomed.id}/${doomed.token}/callback` },
      { status: 503 },
      100,
    );
    bot.fake.interact(doomed);
    // The answer fails (logged as an error), then the apology fails too (logged as a warning); nothing more.
    await until(
      () => bot.logs.some((line) => line.event === 'reply.failed'),
      5000,
      'the failed reply logged',
    );
    expect(bot.fake.interactionState(doomed)?.acknowledged).toBe(false);
    const next = ask(301);
    await sendAll([next]);
    expectAnsweredOnce([next]);
    noCrash(['interaction.failed', 'discord.error']);
  });

  it('edits a deferred reply in, through 5xx on the edit', async () => {
    answerDelayMs = 500;
    try {
      const payloads = Array.from({ length: 6 }, (_, i) => ask(350 + i));
      for (const payload of payloads) {
        const original = `/webhooks/${bot.fake.appId}/${payload.token}/messages/@original`;
        bot.fake.failNext({ method: 'PATCH', path: original }, { status: 502 }, 2);
      }
      await sendAll(payloads);
      const edited = (payload: InteractionPayload) =>
        requestsFor(bot.fake, payload).some(
          (request) => request.method === 'PATCH' && request.status === 200,
        );
      await until(() => payloads.every(edited), 5000, 'every deferred reply edited');
      for (const payload of payloads) {
        const callbacks = requestsFor(bot.fake, payload).filter(isCallback);
        expect((callbacks[0]!.body as { type: number }).type).toBe(5);
        expect(bot.fake.interactionState(payload)?.original?.embeds?.length).toBeGreaterThan(0);
      }
      noCrash();
    } finally {
      answerDelayMs = 0;
    }
  });

  it('resumes after a gateway disconnect and answers what comes after, each once', async () => {
    const identifies = bot.fake.gatewayFrames.filter((frame) => frame.op === 2).length;
    const since = bot.fake.gatewayFrames.length;
    const before = ask(400);
    bot.fake.interact(before);
    bot.fake.disconnect(4000);
    await bot.fake.waitForGatewayOp(6, 5000, since);
    await until(() => bot.logs.some((line) => line.event === 'discord.resumed'), 5000, 'resumed');
    const after = Array.from({ length: 10 }, (_, i) => ask(401 + i));
    await sendAll(after);
    expectAnsweredOnce([before, ...after]);
    expect(bot.fake.gatewayFrames.filter((frame) => frame.op === 2)).toHaveLength(identifies);
    noCrash();
  });

  it('identifies again after a disconnect that ends the session, and keeps answering', async () => {
    const identifies = bot.fake.gatewayFrames.filter((frame) => frame.op === 2).length;
    bot.fake.disconnect(1000);
    await until(
      () => bot.fake.gatewayFrames.filter((frame) => frame.op === 2).length > identifies,
      8000,
      'identified again',
    );
    const payloads = Array.from({ length: 5 }, (_, i) => ask(500 + i));
    await sendAll(payloads);
    expectAnsweredOnce(payloads);
    noCrash();
  });
});
