import type { Lang } from '../../facts/schema/index.ts';

/** Reads `commands:<key>` in one language; undefined when the key is missing. */
export type CommandLocaleLookup = (lang: Lang, key: string) => string | undefined;

/** A lookup over the `commands` namespace of locale resources (nested objects, dotted keys). */
export function lookupFromResources(resources: Record<Lang, Record<string, object>>): CommandLocaleLookup {
  return (lang, key) => {
    let node: unknown = resources[lang]?.commands;
    for (const part of key.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
}
