import type { Lang } from '../schema/index.ts';

const NNBSP = '\u202f';

/**
 * A fact's text in its language's typography, whatever spaces and quotes it was typed with: in French, narrow
 * no-break spaces inside « » and before : ; ? ! and between digit groups; in both, typographic apostrophes and
 * quotation marks (“ ” in English). Only spaces and quote marks change, never a word or a digit.
 */
export function typeset(text: string, lang: Lang): string {
  let out = text.replace(/(\p{L})'(\p{L})/gu, '$1’$2');
  if (lang === 'en') {
    return out.replace(/"([^"\n]*)"/g, '“$1”').replace(/«[\s\u202f]*([^»]*?)[\s\u202f]*»/g, '“$1”');
  }
  out = out
    .replace(/"([^"\n]*)"/g, `«${NNBSP}$1${NNBSP}»`)
    .replace(/«[ \u00a0\u202f]?/g, `«${NNBSP}`)
    .replace(/[ \u00a0\u202f]?»/g, `${NNBSP}»`)
    .replace(/(\S)[ \u00a0]([:;?!])(?=\s|$)/g, `$1${NNBSP}$2`)
    .replace(/([\p{L}\p{N})»])([;?!])(?=\s|$)/gu, `$1${NNBSP}$2`)
    .replace(/(\d)[ \u00a0](?=\d{3}(?!\d))/g, `$1${NNBSP}`);
  return out;
}
