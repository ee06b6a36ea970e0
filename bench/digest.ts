import { buildDigest, createDigestKit } from '../bot/digest/build.ts';
import { localDateOf } from '../bot/digest/schedule.ts';
import { loadTranslators, snapshotSource } from '../bot/digest/source.ts';
import type { Lang } from '../facts/schema/index.ts';
import { loadSeed } from '../facts/seed/index.ts';
import { openMemoryStore } from '../facts/store/index.ts';
import type { Bench, BenchFigure } from './types.ts';

const SERVERS = 1000;
const ZONES = [
  'Europe/Paris',
  'America/Toronto',
  'Asia/Tokyo',
  'UTC',
  'Australia/Sydney',
  'America/Los_Angeles',
];
const LANGS: ReadonlyArray<Lang[]> = [['fr'], ['en'], ['fr', 'en']];

/**
 * Builds (compose + render + verify + split into messages) the digest of 1 000 servers of mixed languages, time
 * zones and "since" dates over the embedded seed, as one scheduler tick does: one store snapshot, verifier and
 * translation memo shared by all. Also the cold cost of one server alone (fresh snapshot, nothing remembered).
 */
export const bench: Bench = async () => {
  const store = openMemoryStore(loadSeed, { fourEyes: false, now: () => new Date('2025-11-04T06:00:00Z') });
  const source = snapshotSource(store);
  await store.close();
  const translate = await loadTranslators();
  const now = new Date('2025-11-05T07:00:00Z');
  const servers = Array.from({ length: SERVERS }, (_, i) => ({
    langs: LANGS[i % LANGS.length]!,
    localDate: localDateOf(now, ZONES[i % ZONES.length]!),
    // Some servers last got a digest before the seed was loaded: their digest lists changes.
    since: new Date(now.getTime() - (i % 4 === 0 ? 3 : 1) * 86_400_000),
  }));
  const build = (kit: ReturnType<typeof createDigestKit>, server: (typeof servers)[number], lang: Lang) =>
    buildDigest(kit, {
      lang,
      localDate: server.localDate,
      since: server.since,
      quietDays: true,
      mode: 'template',
    });

  const tick = async () => {
    const kit = createDigestKit(source, translate);
    const start = performance.now();
    let messages = 0;
    let longest = 0;
    for (const server of servers) {
      for (const lang of server.langs) {
        const built = await build(kit, server, lang);
        messages += built.messages.length;
        longest = Math.max(longest, built.length);
      }
    }
    return { ms: performance.now() - start, messages, longest };
  };
  await tick(); // warm-up: JIT, i18n and Intl
  const measured = await tick();

  const COLD = 20;
  let coldMs = 0;
  for (let i = 0; i < COLD; i++) {
    // New fact objects and a new kit: nothing rendered or verified before.
    const fresh = structuredClone({ ...source });
    const start = performance.now();
    await build(createDigestKit(fresh, translate), servers[i * 4]!, 'en');
    coldMs += performance.now() - start;
  }
  const figures: BenchFigure[] = [
    {
      group: 'digest',
      name: `build ${SERVERS} servers in one tick (compose + render + verify + split)`,
      value: Math.round(measured.ms),
      unit: 'ms',
    },
    {
      group: 'digest',
      name: 'build per server in that tick',
      value: Math.round((measured.ms / SERVERS) * 1000),
      unit: 'µs',
    },
    {
      group: 'digest',
      name: 'build one server alone, cold',
      value: Math.round((coldMs / COLD) * 1000),
      unit: 'µs',
    },
    { group: 'digest', name: `messages for ${SERVERS} servers`, value: measured.messages, unit: 'count' },
    // Issue 17: one language's digest is one message a member reads at a glance.
    {
      group: 'digest',
      name: 'longest digest message (characters)',
      value: measured.longest,
      unit: 'count',
      target: 1500,
    },
  ];
  return figures;
};
