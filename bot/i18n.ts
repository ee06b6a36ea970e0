import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import { LANGS, type Lang } from '../facts/schema/index.ts';

/** Where the translations live: `locales/<lng>/<namespace>.json`. */
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'locales');

/** Reads every namespace file of every language, keyed as i18next expects. */
export function readLocaleResources(dir = LOCALES_DIR): Resource & Record<Lang, Record<string, object>> {
  const resources = {} as Record<Lang, Record<string, object>>;
  for (const lang of LANGS) {
    resources[lang] = {};
    for (const file of readdirSync(join(dir, lang)).filter((name) => name.endsWith('.json'))) {
      resources[lang][file.slice(0, -'.json'.length)] = JSON.parse(
        readFileSync(join(dir, lang, file), 'utf8'),
      );
    }
  }
  return resources;
}

let shared: Promise<i18n> | undefined;

/** One i18next instance for the process, with every namespace loaded. No escaping: output is not HTML. */
export function loadI18n(): Promise<i18n> {
  shared ??= (async () => {
    const resources = readLocaleResources();
    const instance = i18next.createInstance();
    await instance.init({
      resources,
      lng: 'en',
      fallbackLng: false,
      supportedLngs: [...LANGS],
      ns: Object.keys(resources.en),
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    return instance;
  })();
  return shared;
}

/** A translator bound to one language. */
export async function translator(lang: Lang): Promise<TFunction> {
  return (await loadI18n()).getFixedT(lang);
}
