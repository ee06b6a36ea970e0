import { afterEach, describe, expect, it } from 'vitest';
import { readDigestMarker } from '../../../bot/digest/pack.ts';
import { typographyProblems } from '../../support/typography.ts';
import { type Harness, ids, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const paris = ids(1);
type Embed = { title?: string; description?: string; footer?: { text: string } };

/** The embeds of each digest message Discord accepted in the channel, oldest first. */
const postedEmbeds = (channelId: string) =>
  h!.posts(channelId).map((request) => (request.body as { embeds: Embed[] }).embeds);
const textOf = (embeds: Embed[]) =>
  embeds.map((embed) => [embed.title, embed.description, embed.footer?.text].join('\n')).join('\n');

describe('a server’s first digests, through Discord', () => {
  it('welcomes a new server in each of its languages, then posts only what changed', async () => {
    h = await startHarness([{ ...paris, lang: 'both' }]);
    const scheduler = await h.scheduler();
    await h.sweep(scheduler, '2025-11-04T07:50:00Z', '2025-11-04T08:10:00Z', 10);
    const [fr, en] = postedEmbeds(paris.channelId);
    expect(readDigestMarker(fr?.at(-1)?.footer?.text)?.lang).toBe('fr');
    expect(textOf(fr!)).toContain('Bonjour\u202f! Chaque jour');
    expect(textOf(en!)).toContain('Hello! Every day');
    for (const [lang, embeds] of [
      ['fr', fr!],
      ['en', en!],
    ] as const) {
      expect(textOf(embeds)).not.toContain(lang === 'fr' ? 'Nouveau\u202f:' : 'New:');
      expect(textOf(embeds).length).toBeLessThanOrEqual(1500 + embeds.length * 2);
      expect(typographyProblems(textOf(embeds), lang)).toEqual([]);
    }
    // The next day nothing changed: a quiet day's short note, no second welcome.
    await h.sweep(scheduler, '2025-11-05T07:50:00Z', '2025-11-05T08:10:00Z', 10);
    const next = postedEmbeds(paris.channelId).slice(2);
    expect(next).toHaveLength(2);
    expect(textOf(next[1]!)).toContain('Nothing new since the last briefing');
    expect(textOf(next[1]!)).not.toContain('Hello!');
  });
});
