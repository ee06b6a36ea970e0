import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/registry.ts';
import type { RecordedRequest } from '../../support/fake-discord.ts';
import { type BotHarness, startBotHarness } from './harness.ts';

const MANAGE_GUILD = (1n << 5n).toString();
const ARTICLE = readFileSync(
  resolve(import.meta.dirname, '../../facts/draft/fixtures/galaxy-helios-en.txt'),
  'utf8',
);
const ANA = { id: '111111111111111111', username: 'ana' };
const BRUNO = { id: '222222222222222222', username: 'bruno' };

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ commands, deploy: true });
});
afterAll(() => bot.cleanup());

/** What the user finally sees: the deferred reply's edit, or the immediate reply. */
async function replyTo(payload: ReturnType<BotHarness['fake']['chatInput']>): Promise<string> {
  const first = await bot.fake.interactAndWait(payload, 5000);
  const data =
    (first.body as { type: number; data?: unknown }).type === 5
      ? (await bot.fake.waitForOriginalEdit(payload, 8000)).body
      : (first.body as { data?: unknown }).data;
  return JSON.stringify(data);
}

describe('/facts draft and /facts queue on Discord', () => {
  it('drafts a pasted article as drafts by the moderator, holding back the repeat of a stored fact', async () => {
    const reply = await replyTo(
      bot.fake.chatInput({
        name: 'facts',
        subcommand: 'draft',
        options: { text: ARTICLE, language: 'en' },
        memberPermissions: MANAGE_GUILD,
        user: ANA,
      }),
    );
    expect(reply).toContain('iren-microsoft-deal-value');
    const drafts = bot.services.store.listFacts({ status: 'draft' });
    expect(drafts.length).toBeGreaterThanOrEqual(6);
    for (const fact of drafts) expect(fact).toMatchObject({ createdBy: ANA.id, status: 'draft' });
    expect(bot.services.store.listEntities().find((entity) => entity.id === 'coreweave')).toMatchObject({
      status: 'draft',
    });
  });

  it('lists what waits for a second moderator, oldest first, with its sentence, values and proposer', async () => {
    const reply = await replyTo(
      bot.fake.chatInput({
        name: 'facts',
        subcommand: 'queue',
        memberPermissions: MANAGE_GUILD,
        user: BRUNO,
      }),
    );
    expect(reply).toContain('galaxy-digital-net-loss-2025-q3');
    expect(reply).toContain('$295 million');
    expect(reply).toContain('The company also reported a net loss of $295 million');
    expect(reply).toContain(`<@${ANA.id}>`);
    expect(reply).toContain('coreweave');
    const mentions = (JSON.parse(reply) as { allowed_mentions?: { parse?: unknown[] } }).allowed_mentions;
    expect(mentions?.parse ?? []).toEqual([]);
  });

  it('refuses both to a member', async () => {
    for (const subcommand of ['queue', 'draft']) {
      const options: Record<string, string> = subcommand === 'draft' ? { text: ARTICLE, language: 'en' } : {};
      const callback: RecordedRequest = await bot.fake.interactAndWait(
        bot.fake.chatInput({ name: 'facts', subcommand, options }),
      );
      expect(JSON.stringify(callback.body)).toContain('Only moderators');
    }
  });
});
