import { describe, expect, it } from 'vitest';
import {
  type BuiltDigest,
  buildDigest,
  createDigestKit,
  type DigestSource,
} from '../../../bot/digest/build.ts';
import { DIGEST_MAX_LENGTH, messageLength } from '../../../bot/digest/pack.ts';
import { loadTranslators, snapshotSource } from '../../../bot/digest/source.ts';
import { EMBED_LIMITS } from '../../../bot/discord/embeds.ts';
import type { Lang } from '../../../facts/schema/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { openMemoryStore } from '../../../facts/store/index.ts';
import { addVerified, newFigure, snapshot, storeAt } from '../../facts/digest/fixtures.ts';
import { typographyProblems } from '../../support/typography.ts';

const translate = await loadTranslators();
const LANGS: Lang[] = ['fr', 'en'];
const SINCE = new Date('2025-11-02T00:00:00Z');
const NOW = new Date('2025-11-04T07:00:00Z');

/** Ten figures verified in October, then `news` new ones on Nov 3 (after the last digest). */
async function dayWith(news: number): Promise<DigestSource> {
  const { store, at } = storeAt('2025-10-01T09:00:00Z');
  for (let i = 0; i < 10; i++)
    await addVerified(store, newFigure(`old-${i}`, i % 2 ? 'iren' : 'microsoft', 10 + i));
  for (let i = 0; i < news; i++) {
    at(`2025-11-03T09:${String(i).padStart(2, '0')}:00Z`);
    await addVerified(store, newFigure(`new-${String(i).padStart(2, '0')}`, 'bitfarms', 100 + i));
  }
  return snapshot(store);
}

/** The seed as a store loaded on Nov 4: every fact of the article is there from the start. */
function seedSource(): DigestSource {
  return snapshotSource(
    openMemoryStore(loadSeed, { fourEyes: false, now: () => new Date('2025-11-04T06:00:00Z') }),
  );
}

const build = (
  source: DigestSource,
  lang: Lang,
  extra: { since?: Date; first?: boolean; quietDays?: boolean } = {},
) =>
  buildDigest(createDigestKit(source, translate), {
    lang,
    localDate: '2025-11-04',
    since: SINCE,
    now: NOW,
    quietDays: true,
    mode: 'template',
    ...extra,
  });

/** What every digest must be: one message within 1,500 characters and Discord's limits, set in its language. */
function expectReadable(digest: BuiltDigest) {
  expect(digest.messages).toHaveLength(1);
  const [embeds] = digest.messages;
  expect(digest.length).toBe(messageLength(embeds!));
  expect(digest.length).toBeLessThanOrEqual(DIGEST_MAX_LENGTH);
  for (const embed of embeds!)
    expect(embed.description!.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
  const posted = embeds!.map((embed) => [embed.title, embed.description, embed.footer].join('\n')).join('\n');
  expect(typographyProblems(posted, digest.lang)).toEqual([]);
  expect(digest.verified).toBe(true);
}

const bulletLines = (digest: BuiltDigest) => digest.text.split('\n').filter((line) => line.startsWith('• '));

describe.each(LANGS)('a digest people read (%s)', (lang) => {
  const words = {
    fr: {
      welcome: 'Bonjour',
      news: '• Nouveau\u202f: ',
      quiet: 'Rien de nouveau',
      rest: '+ 15 autres changements',
    },
    en: { welcome: 'Hello!', news: '• New: ', quiet: 'Nothing new', rest: '+ 15 more changes' },
  }[lang];

  it('welcomes a server on its first digest: what the bot covers and key figures, no fact as new', async () => {
    const digest = await build(seedSource(), lang, { first: true, since: new Date('2000-01-01T00:00:00Z') });
    expect(digest.kind).toBe('welcome');
    expect(digest.text).toContain(words.welcome);
    expect(digest.text).toMatch(
      lang === 'fr' ? /24 chiffres, 22 événements et 11 citations/ : /24 figures, 22 events and 11 quotes/,
    );
    expect(digest.text).not.toContain(words.news);
    expect(digest.bullets).toBe(4);
    expect(bulletLines(digest)).toHaveLength(4);
    expect(digest.text).toContain('/ask');
    expectReadable(digest);
  });

  it('lists five of the article’s 57 facts when all are new, figures first, and counts the other 52', async () => {
    const source = seedSource();
    const digest = await build(source, lang, { since: new Date('2000-01-01T00:00:00Z') });
    expect(digest.bullets).toBe(5);
    const kinds = digest.facts.map((id) => source.facts.find((fact) => fact.id === id)?.kind);
    expect(kinds).toEqual(['figure', 'figure', 'figure', 'figure', 'figure']);
    expect(digest.text).toContain(lang === 'fr' ? '+ 52 autres changements' : '+ 52 more changes');
    expectReadable(digest);
  });

  it('lists three new facts of the day, each with its source, and points to /ask', async () => {
    const digest = await build(await dayWith(3), lang);
    expect(digest.kind).toBe('changes');
    expect(digest.bullets).toBe(3);
    expect(
      bulletLines(digest).every((line) => line.startsWith(words.news) && line.includes('The Ledger')),
    ).toBe(true);
    expect(digest.facts).toEqual(['new-02', 'new-01', 'new-00']);
    expect(digest.text).toContain('/ask');
    expect(digest.text).not.toContain('/facts queue');
    expectReadable(digest);
  });

  it('lists five of twenty new facts, newest first, and counts the rest with /ask and /facts queue', async () => {
    const digest = await build(await dayWith(20), lang);
    expect(digest.bullets).toBe(5);
    expect(digest.facts).toEqual(['new-19', 'new-18', 'new-17', 'new-16', 'new-15']);
    const closing = digest.text.split('\n').find((line) => line.startsWith('+ '));
    expect(closing).toContain(words.rest);
    expect(closing).toContain('/ask');
    expect(closing).toContain('/facts queue');
    expectReadable(digest);
  });

  it('tags new, updated and withdrawn facts alike, and never repeats a withdrawn number', async () => {
    const { store, at } = storeAt('2025-10-01T09:00:00Z');
    await addVerified(store, newFigure('iren-revenue', 'iren', 240));
    await addVerified(store, newFigure('bitfarms-loss', 'bitfarms', 46));
    at('2025-11-03T09:00:00Z');
    await addVerified(store, newFigure('microsoft-deal', 'microsoft', 9700));
    const version = store.getFact('iren-revenue')!.version;
    const edited = await store.edit('iren-revenue', version, { asOf: '2025-11-02' }, 'alice');
    await store.verify('iren-revenue', edited.ok ? edited.value.version : 0, 'bruno');
    await store.retire('bitfarms-loss', store.getFact('bitfarms-loss')!.version, 'bruno', 'restated');
    const digest = await build(snapshot(store), lang);
    expect(digest.bullets).toBe(3);
    const tags = bulletLines(digest).map((line) => line.slice(2, line.search(/\u202f?:/)));
    expect(tags.toSorted()).toEqual(
      lang === 'fr' ? ['Mis à jour', 'Nouveau', 'Retiré'] : ['New', 'Updated', 'Withdrawn'],
    );
    expect(bulletLines(digest).find((line) => line.includes('Bitfarms'))).not.toMatch(/46/);
    expectReadable(digest);
  });

  it('keeps a quiet day short: a line and three key figures', async () => {
    const digest = await build(await dayWith(0), lang);
    expect(digest.kind).toBe('quiet');
    expect(digest.text).toContain(words.quiet);
    expect(digest.bullets).toBe(3);
    expect(digest.length).toBeLessThan(900);
    expectReadable(digest);
  });

  it('drops the lowest-ranked items rather than pass 1,500 characters, and counts them', async () => {
    const { store, at } = storeAt('2025-10-01T09:00:00Z');
    at('2025-11-03T09:00:00Z');
    for (let i = 0; i < 8; i++) {
      const padding = ' Bitfarms'.repeat(40 + i);
      await addVerified(
        store,
        newFigure(`wordy-${i}`, 'bitfarms', 100 + i, {
          text: { fr: `Bitfarms a déclaré {amount}.${padding}`, en: `Bitfarms reported {amount}.${padding}` },
        }),
      );
    }
    const digest = await build(snapshot(store), lang);
    expect(digest.bullets).toBeLessThan(5);
    expect(digest.bullets).toBeGreaterThan(0);
    expect(digest.text).toContain(`+ ${8 - digest.bullets}`);
    expectReadable(digest);
  });

  it('shortens a long quote to its key sentence with the speaker, its marking and a pointer to /quote', async () => {
    const seed = loadSeed();
    const quote = seed.facts.find((fact) => fact.id === 'quote-gagnon-washington-site-noi')!;
    const { store, at } = storeAt('2025-10-01T09:00:00Z');
    at('2025-11-03T09:00:00Z');
    const speaker = seed.entities.find((entity) => entity.id === 'ben-gagnon')!;
    const site = seed.entities.filter((entity) => quote.entities.includes(entity.id));
    const source = {
      ...snapshot(store),
      facts: [{ ...quote, verifiedAt: '2025-11-03T09:00:00.000Z' }],
      entities: [speaker, ...site],
      history: [
        {
          seq: 1,
          factId: quote.id,
          action: 'import' as const,
          actor: 'seed',
          at: '2025-11-03T09:00:00.000Z',
          before: null,
          after: quote,
        },
      ],
    } as unknown as DigestSource;
    const digest = await build(source, lang);
    const line = bulletLines(digest)[0]!;
    expect(line).toContain('Ben Gagnon');
    expect(line).toContain('…');
    expect(line).toContain(lang === 'fr' ? 'traduit de l’anglais' : 'original wording');
    expect(line).toMatch(lang === 'fr' ? /moins de 1\s%/ : /less than 1%/);
    expect(line).not.toContain(lang === 'fr' ? 'minage de Bitcoin' : 'Bitcoin mining.');
    expect(digest.text).toContain('/quote');
    expect(digest.facts).toEqual([quote.id]);
    expectReadable(digest);
  });
});
