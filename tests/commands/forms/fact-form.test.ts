import { describe, expect, it } from 'vitest';
import { asTranslate } from '../../../bot/i18n.ts';
import {
  buildFactModal,
  formCustomId,
  readFactForm,
  readFormTarget,
} from '../../../commands/forms/fact-form.ts';
import { LANGS } from '../../../facts/schema/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { createTestWorld } from '../../support/command-context.ts';

const world = await createTestWorld();

describe('the fact form', () => {
  it.each(LANGS)('reads every seed fact back unchanged from its prefilled form (%s)', (lang) => {
    const t = world.translators[lang];
    const problems = loadSeed().facts.flatMap((fact) => {
      const modal = buildFactModal(
        { action: 'edit', id: fact.id, version: fact.version, lang },
        fact.kind,
        fact,
        asTranslate(t),
      );
      const fields = Object.fromEntries(modal.fields.map((field) => [field.customId, field.value ?? '']));
      const read = readFactForm(fields, fact.kind, lang, fact.values);
      const { text, values, sources, entities, asOf, quote } = fact;
      const expected = { text, values, sources, entities, asOf, ...(quote ? { quote } : {}) };
      return read.ok && JSON.stringify(read.value) === JSON.stringify(expected)
        ? []
        : [{ id: fact.id, read }];
    });
    expect(problems).toEqual([]);
  });

  it('keeps every customId within Discord’s 100 characters and reads it back', () => {
    const id = `a${'-b'.repeat(39)}c`.slice(0, 80);
    for (const target of [
      { action: 'add', id, kind: 'event', lang: 'fr' },
      { action: 'edit', id, version: 12345, lang: 'en' },
    ] as const) {
      expect(formCustomId(target).length).toBeLessThanOrEqual(100);
      expect(readFormTarget(formCustomId(target))).toEqual(target);
    }
    expect(readFormTarget('facts:edit:some-id:zero:en')).toBeUndefined();
    expect(readFormTarget('quote:add:some-id:figure:en')).toBeUndefined();
  });

  it('names the source line it cannot read', () => {
    const read = readFactForm(
      {
        sources: 'Title | Publisher | fr | 2025-11-18 | §2\nonly a title',
        details: 'entities = iren\nasOf = 2025-11-18',
      },
      'figure',
      'en',
    );
    expect(read).toMatchObject({
      ok: false,
      code: 'sourceLineInvalid',
      params: { line: 2, text: 'only a title' },
    });
  });
});
