import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../bot/store/index.ts';
import { openMemoryStore } from '../../../facts/store/index.ts';
import { makeDataset, makeEntity, makeTempDir, steppingClock } from './factory.ts';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

const memory = () => openMemoryStore(() => makeDataset(1), { fourEyes: true, now: steppingClock() });

describe('entity writes', () => {
  it('adds an entity as a draft with its trail, and keeps it across a reopen of the files', async () => {
    const opened = await openStore(dir, () => makeDataset(1), { fourEyes: true, now: steppingClock() });
    if (!opened.ok) throw new Error(opened.code);
    const added = await opened.value.store.addEntity(makeEntity('core-scientific'), 'ana');
    expect(added).toMatchObject({
      ok: true,
      value: { status: 'draft', trail: [{ actor: 'ana', action: 'create' }] },
    });
    await opened.value.store.close();
    const reopened = await openStore(dir, () => makeDataset(1), { fourEyes: true });
    if (!reopened.ok) throw new Error(reopened.code);
    expect(
      reopened.value.store.listEntities().find((entity) => entity.id === 'core-scientific'),
    ).toMatchObject({ status: 'draft' });
    await reopened.value.store.close();
  });

  it('refuses a taken id, an unknown affiliation and an invalid name, writing nothing', async () => {
    const store = memory();
    const count = store.listEntities().length;
    expect(await store.addEntity(makeEntity('iren'), 'ana')).toMatchObject({
      ok: false,
      code: 'entityExists',
    });
    expect(await store.addEntity({ ...makeEntity('new-co'), affiliations: ['ghost'] }, 'ana')).toMatchObject({
      ok: false,
      code: 'entityInvalid',
    });
    expect(
      await store.addEntity({ ...makeEntity('other-co'), name: { fr: '', en: 'X' } }, 'ana'),
    ).toMatchObject({ ok: false, code: 'entityInvalid' });
    expect(store.listEntities()).toHaveLength(count);
  });

  it('records each edited field old → new and sends the entity back to draft', async () => {
    const store = memory();
    await store.addEntity(makeEntity('core-scientific'), 'ana');
    await store.verifyEntity('core-scientific', 'bruno');
    const edited = await store.editEntity(
      'core-scientific',
      { aliases: { fr: ['CORZ'], en: ['CORZ'] } },
      'carla',
    );
    expect(edited).toMatchObject({ ok: true, value: { status: 'draft' } });
    const last = edited.ok ? edited.value.trail!.at(-1)! : undefined;
    expect(last).toMatchObject({
      actor: 'carla',
      action: 'edit',
      changes: [{ field: 'aliases', to: '{"fr":["CORZ"],"en":["CORZ"]}' }],
    });
    expect(
      await store.editEntity('core-scientific', { aliases: { fr: ['CORZ'], en: ['CORZ'] } }, 'carla'),
    ).toMatchObject({ code: 'entityUnchanged' });
    expect(await store.editEntity('ghost', { type: 'person' }, 'carla')).toMatchObject({
      code: 'entityNotFound',
    });
  });

  it('needs a second moderator to verify, as facts do', async () => {
    const store = memory();
    await store.addEntity(makeEntity('core-scientific'), 'ana');
    expect(await store.verifyEntity('core-scientific', 'ana')).toMatchObject({
      ok: false,
      code: 'fourEyesRequired',
    });
    expect(await store.verifyEntity('core-scientific', 'bruno')).toMatchObject({
      ok: true,
      value: { status: 'verified' },
    });
    expect(await store.verifyEntity('core-scientific', 'carla')).toMatchObject({
      code: 'entityAlreadyVerified',
    });
  });
});
