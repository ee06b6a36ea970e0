import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFollowUpMemory, FOLLOW_UP_MS } from '../../../bot/follow-ups.ts';
import { commands } from '../../../commands/registry.ts';
import type { RecordedRequest } from '../../support/fake-discord.ts';
import { type BotHarness, startBotHarness } from './harness.ts';

/** The memory's clock, moved by the test. */
let now = 1_000_000;
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({
    commands,
    services: { followUps: createFollowUpMemory(() => now) },
    fake: { guilds: [{ channels: [{ name: 'general' }, { name: 'markets' }] }] },
  });
});
afterAll(async () => {
  await bot?.cleanup();
});

const shown = (request: RecordedRequest) => JSON.stringify((request.body as { data?: unknown }).data ?? {});
const alice = { id: '456789012345678901', username: 'alice' };
const bob = { id: '567890123456789012', username: 'bob' };

async function ask(question: string, user: typeof alice, channel = 0) {
  const channelId = bot.fake.guilds[0]!.channels[channel]!.id;
  return shown(
    await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'ask', options: { question }, locale: 'en-US', user, channelId }),
    ),
  );
}

// Asked alone, "and its net loss?" gets every net loss on record, Bitfarms' $46 million among them.
const BITFARMS_LOSS = /46 million/;

describe('follow-up questions on Discord, real discord.js against the stand-in', () => {
  it('reuses the subject of the same user’s previous question in the same channel', async () => {
    expect(await ask('and its net loss?', alice)).toMatch(BITFARMS_LOSS);
    await ask('How did Bitdeer shares react to the fire?', alice);
    const followUp = await ask('and its net loss?', alice);
    expect(followUp).toMatch(/266\.7 million/);
    expect(followUp).not.toMatch(BITFARMS_LOSS);
  });

  it('keeps each user’s and each channel’s subject apart', async () => {
    await ask('How did Bitdeer shares react to the fire?', alice);
    expect(await ask('and its net loss?', bob)).toMatch(BITFARMS_LOSS);
    expect(await ask('and its net loss?', alice, 1)).toMatch(BITFARMS_LOSS);
  });

  it('forgets the subject after ten minutes', async () => {
    await ask('How did Bitdeer shares react to the fire?', alice);
    now += FOLLOW_UP_MS + 1;
    expect(await ask('and its net loss?', alice)).toMatch(BITFARMS_LOSS);
  });
});
