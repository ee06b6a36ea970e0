import type { Translate } from '../../commands/index.ts';
import { LANGS, type Lang } from '../../facts/schema/index.ts';
import type { FactRepository } from '../../facts/store/index.ts';
import { asTranslate, translator } from '../i18n.ts';
import type { DigestSource } from './build.ts';

/** A snapshot of the store for digests: every fact, the entities, and the audit trail of every fact. */
export function snapshotSource(store: FactRepository): DigestSource {
  const facts = store.listFacts();
  return { facts, entities: store.listEntities(), history: facts.flatMap((fact) => store.history(fact.id)) };
}

/** Translators for both languages, loaded once, as the digest renderer calls them. */
export async function loadTranslators(): Promise<(lang: Lang) => Translate> {
  const entries = await Promise.all(LANGS.map(async (lang) => [lang, await translator(lang)] as const));
  const byLang = new Map(entries);
  return (lang) => {
    const t = byLang.get(lang)!;
    return asTranslate(t);
  };
}
