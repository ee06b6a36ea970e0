import type { Lang } from '../../facts/schema/index.ts';

/** Command syntax a reader types as is: `/ask question: …`, `"<question>"` in a shell, `{{option}}:`. */
const SYNTAX = [
  /"<[^>"]+>"/g,
  /(?<=\/[a-z][\w ]*?)[a-z][a-zA-Z]*:(?= )/g,
  /\{\{\w+\}\}:(?= )/g,
  /\w+:\/\/\S+/g,
];
const PLACEHOLDER = /\{\{[^}]+\}\}/g;
const NNBSP = '\u202f';

/** The text with command syntax and placeholders blanked out (same length, so offsets still hold). */
function prose(text: string): string {
  let out = text;
  for (const pattern of SYNTAX) out = out.replace(pattern, (match) => 'x'.repeat(match.length));
  return out.replace(PLACEHOLDER, (match) => 'x'.repeat(match.length));
}

const RULES: Record<Lang, [string, RegExp][]> = {
  fr: [
    ['straight quote', /["']/],
    ['« without a narrow no-break space after it', /«(?!\u202f)/],
    ['» without a narrow no-break space before it', /(?<!\u202f)»/],
    ['plain or no-break space before : ; ? !', /[ \u00a0][:;?!]/],
    ['no space before ; ? !', /[\p{L}\p{N})’»][;?!](?=\s|$)/u],
    ['no space before :', /[\p{L}\p{N})’»]:(?=\s|$)/u],
    ['digit group not joined by a narrow no-break space', /\d[ \u00a0,]\d{3}(?!\d)/],
    ['decimal point instead of a comma', /\d\.\d/],
    ['“ ” instead of « »', /[“”]/],
    ['abbreviated billions (the digest writes them out)', /\bMds?\s?\$/],
  ],
  en: [
    ['straight quote', /["']/],
    ['« » in English', /[«»]/],
    ['space before : ; ? !', /[ \u00a0\u202f][:;?!](?=\s|$)/],
    ['decimal comma', /\d,\d(?!\d{2})/],
    ['narrow no-break space in English', new RegExp(NNBSP)],
  ],
};

/** What breaks the language's typography in a text (a locale string or a rendered digest); empty when nothing. */
export function typographyProblems(text: string, lang: Lang): string[] {
  const checked = prose(text);
  return RULES[lang].filter(([, pattern]) => pattern.test(checked)).map(([name]) => name);
}
