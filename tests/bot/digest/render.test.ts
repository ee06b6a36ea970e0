import { describe, expect, it } from 'vitest';
import { buildDigest, createDigestKit, type DigestSource } from '../../../bot/digest/build.ts';
import { packDigest, readDigestMarker } from '../../../bot/digest/pack.ts';
import type { RenderedDigest } from '../../../bot/digest/render.ts';
import { loadTranslators } from '../../../bot/digest/source.ts';
import { EMBED_LIMITS } from '../../../bot/discord/embeds.ts';
import type { ReplyEmbed } from '../../../commands/index.ts';
import { addVerified, newFigure, snapshot, storeAt } from '../../facts/digest/fixtures.ts';

const translate = await loadTranslators();
const SINCE = new Date('2025-11-02T00:00:00Z');

async function sourceWithNews(): Promise<DigestSource> {
  const { store, at } = storeAt('2025-10-01T09:00:00Z');
  await addVerified(store, newFigure('iren-revenue', 'iren', 240));
  await addVerified(store, newFigure('microsoft-deal', 'microsoft', 9700));
  at('2025-11-03T09:00:00Z');
  await addVerified(store, newFigure('bitfarms-loss', 'bitfarms', 46));
  // Its sentence carries a number no value backs: the verifier must refuse it.
  await addVerified(
    store,
    newFigure('iren-capex', 'iren', 810, {
      text: { fr: 'IREN a investi {amount} en 14 mois.', en: 'IREN invested {amount} over 14 months.' },
    }),
  );
  return snapshot(store);
}

const sizeOf = (embed: ReplyEmbed) =>
  (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.length ?? 0);

describe('building a digest', () => {
  it('lists the new fact with its source and date under what changed, then points to /ask', async () => {
    const digest = await buildDigest(createDigestKit(await sourceWithNews(), translate), {
      lang: 'en',
      localDate: '2025-11-04',
      since: SINCE,
      quietDays: true,
      mode: 'template',
    });
    expect(digest.text).toContain('Nov 4, 2025');
    expect(digest.text).toMatch(
      /Since the last briefing\n• New: Bitfarms reported .*46.* — The Ledger, Oct 30, 2025\n/,
    );
    expect(digest.text).not.toContain('Key figures');
    expect(digest.text).toContain('/ask');
    expect(digest.facts).toEqual(['bitfarms-loss']);
    expect(digest.bullets).toBe(1);
  });

  it('leaves out, and logs, an item whose number does not verify: it is never posted', async () => {
    const warnings: unknown[] = [];
    const kit = createDigestKit(await sourceWithNews(), translate, {
      log: { warn: (event, fields) => warnings.push({ event, ...fields }) },
    });
    const digest = await buildDigest(kit, {
      lang: 'en',
      localDate: '2025-11-04',
      since: SINCE,
      quietDays: true,
      mode: 'template',
    });
    expect(digest.facts).not.toContain('iren-capex');
    expect(digest.dropped).toEqual(['iren-capex']);
    expect(JSON.stringify(digest.messages)).not.toContain('14 months');
    expect(warnings).toEqual([
      expect.objectContaining({ event: 'digestItemDropped', facts: ['iren-capex'] }),
    ]);
    expect(digest.verified).toBe(true);
  });

  it('reports every number of the text with its place in it, all verified', async () => {
    const digest = await buildDigest(createDigestKit(await sourceWithNews(), translate), {
      lang: 'fr',
      localDate: '2025-11-04',
      since: SINCE,
      quietDays: true,
      mode: 'template',
    });
    expect(digest.numbers.length).toBeGreaterThanOrEqual(1);
    for (const number of digest.numbers) {
      expect(digest.text.slice(number.start, number.end)).toBe(number.text);
      expect(number.status).toBe('verified');
    }
  });

  it('uses the LLM text when every number in it verifies', async () => {
    const kit = createDigestKit(await sourceWithNews(), translate, {
      writer: async () => 'Bitfarms reported a loss of $46 million.',
    });
    const digest = await buildDigest(kit, {
      lang: 'en',
      localDate: '2025-11-04',
      since: SINCE,
      quietDays: true,
      mode: 'llm',
    });
    expect(digest.mode).toBe('llm');
    expect(digest.postable).toBe(true);
    expect(JSON.stringify(digest.messages)).toContain('Bitfarms reported a loss of $46 million.');
    expect(digest.text).toContain('Bitfarms reported a loss of $46 million.');
    expect(digest.text).toContain('Sources');
  });

  it('falls back to the template when the LLM text has a number no fact backs', async () => {
    const kit = createDigestKit(await sourceWithNews(), translate, {
      writer: async () => 'Bitfarms reported a loss of $47 million.',
    });
    const digest = await buildDigest(kit, {
      lang: 'en',
      localDate: '2025-11-04',
      since: SINCE,
      quietDays: true,
      mode: 'llm',
    });
    expect(digest.mode).toBe('fallback');
    expect(digest.text).not.toContain('$47');
    expect(digest.text).toContain('• New: Bitfarms reported');
  });

  it('falls back to the template when the LLM text would not fit one short message', async () => {
    const warnings: string[] = [];
    const kit = createDigestKit(await sourceWithNews(), translate, {
      writer: async () =>
        Array.from({ length: 40 }, () => 'Bitfarms reported a loss of $46 million.').join(' '),
      log: { warn: (event) => void warnings.push(event) },
    });
    const digest = await buildDigest(kit, {
      lang: 'en',
      localDate: '2025-11-04',
      since: SINCE,
      quietDays: true,
      mode: 'llm',
    });
    expect(digest.mode).toBe('fallback');
    expect(digest.length).toBeLessThanOrEqual(1500);
    expect(warnings).toContain('digestWriterTooLong');
  });

  it('falls back to the template when the LLM writer fails', async () => {
    const kit = createDigestKit(await sourceWithNews(), translate, {
      writer: async () => {
        throw new Error('timeout');
      },
    });
    const digest = await buildDigest(kit, {
      lang: 'en',
      localDate: '2025-11-04',
      since: SINCE,
      quietDays: true,
      mode: 'llm',
    });
    expect(digest.mode).toBe('fallback');
    expect(digest.postable).toBe(true);
  });
});

describe('fitting a digest in Discord messages', () => {
  const long = (n: number): RenderedDigest => ({
    lang: 'en',
    title: 'Daily briefing — Nov 4, 2025',
    footer: 'Verified facts',
    sections: [
      {
        heading: 'New',
        lines: Array.from({ length: n }, (_, i) => ({ text: `• Item ${i} ${'x'.repeat(180 + (i % 50))}` })),
      },
      { lines: [{ text: 'Questions? Ask with /ask.' }] },
    ],
  });

  it('splits a long digest cleanly: within every limit, no line cut, a marker on each message', () => {
    const messages = packDigest(long(400), '2025-11-04');
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach((embeds, index) => {
      expect(embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
      expect(embeds.reduce((sum, embed) => sum + sizeOf(embed), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total);
      for (const embed of embeds)
        expect(embed.description!.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
      expect(readDigestMarker(embeds.at(-1)!.footer)).toEqual({
        localDate: '2025-11-04',
        lang: 'en',
        part: index + 1,
        parts: messages.length,
      });
    });
    const lines = messages
      .flat()
      .flatMap((embed) => embed.description!.split('\n'))
      .filter((line) => line.startsWith('• Item'));
    expect(lines).toEqual(long(400).sections[0]!.lines.map((line) => line.text));
    expect(messages.flat().filter((embed) => embed.title)).toHaveLength(1);
  });

  it('keeps a short digest to one embed', () => {
    const messages = packDigest(long(3), '2025-11-04');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toHaveLength(1);
  });
});
