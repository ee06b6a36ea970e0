import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Namespace, type Resource, type TFunction } from 'i18next';
import type { Translate } from '../commands/index.ts';
import './i18n-types.ts';
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
      // Every key names its namespace (`errors:factNotFound`): there is no default one.
      defaultNS: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    return instance;
  })();
  return shared;
}

/** A translator over every namespace, its keys checked against `locales/en` (bot/i18n-types.ts). */
export type Translator = TFunction<Namespace>;

/** A translator bound to one language. */
export const fixedT = (instance: i18n, lang: Lang): Translator => instance.getFixedT(lang);

/** The process's translator for one language. */
export async function translator(lang: Lang): Promise<Translator> {
  return fixedT(await loadI18n(), lang);
}

/**
 * A translator as the neutral layers take it (`Translate`). The keys they build from data (a command's name, a
 * failure's code) are plain strings: the locale-key test checks those, the compiler checks the literal ones.
 */
export const asTranslate =
  (t: Translator): Translate =>
  (key, params) =>
    (t as unknown as (key: string, options: object) => string)(key, params ?? {});
