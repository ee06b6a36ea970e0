import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestPreview } from '../../../bot/digest/preview.ts';
import { loadTranslators } from '../../../bot/digest/source.ts';
import { openSettingsStore, type SettingsStore } from '../../../bot/settings-store.ts';
import { addVerified, newFigure, snapshot, storeAt } from '../../facts/digest/fixtures.ts';

const GUILD = '300000000000000001';
let dir: string;
let settings: SettingsStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'digest-preview-'));
  const opened = await openSettingsStore(dir);
  if (!opened.ok) throw new Error(opened.code);
  settings = opened.value;
});
afterEach(async () => {
  await settings.close();
  await rm(dir, { recursive: true, force: true });
});

async function preview(now: string) {
  const { store, at } = storeAt('2025-10-01T09:00:00Z');
  await addVerified(store, newFigure('iren-revenue', 'iren', 240));
  at('2025-11-04T06:00:00Z');
  await addVerified(store, newFigure('bitfarms-loss', 'bitfarms', 46));
  return createDigestPreview({
    loadSource: () => snapshot(store),
    settings,
    translate: await loadTranslators(),
    now: () => new Date(now),
  });
}

describe('the digest preview of /settings', () => {
  it("shows today's digest of a server in its time zone, with what backs it", async () => {
    await settings.updateGuild(GUILD, { digest: { timeZone: 'Asia/Tokyo' } });
    const [fr] = await (await preview('2025-11-04T20:00:00Z'))(GUILD, 'fr');
    expect(fr?.lang).toBe('fr');
    expect(fr?.embeds[0]?.title).toBe('Le point du jour — 5 nov. 2025');
    expect(fr?.embeds.map((embed) => embed.description).join('\n')).toContain('Nouveau');
    expect(fr?.facts).toEqual(['bitfarms-loss']);
    expect(fr?.verified).toBe(true);
  });

  it('uses the default settings outside a server', async () => {
    const [en] = await (await preview('2025-11-04T20:00:00Z'))(undefined, 'en');
    expect(en?.embeds[0]?.title).toBe('Daily briefing — Nov 4, 2025');
  });
});
