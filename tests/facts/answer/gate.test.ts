import { describe, expect, it } from 'vitest';
import { gateLlmText, identifyLanguage, isWrittenIn } from '../../../facts/answer/index.ts';
import { renderFactText } from '../../../facts/numbers/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';

const { facts } = loadSeed();

describe('the language identifier', () => {
  it.each(['fr', 'en'] as const)('reads every seed text in %s as written in it', (lang) => {
    const misread = facts
      .map((fact) => renderFactText(fact, lang))
      .filter((text) => !isWrittenIn(text, lang));
    expect(misread).toEqual([]);
  });

  it('reads short answers full of names', () => {
    expect(identifyLanguage('L’action Bitdeer a chuté de 7,5 %.')).toBe('fr');
    expect(identifyLanguage('Bitdeer shares fell 7.5%.')).toBe('en');
    expect(identifyLanguage('Material Indicators a parlé d’un « short-term exit pump ».')).toBe('fr');
  });

  it('refuses a text that switches language halfway, either way', () => {
    expect(isWrittenIn('Bitfarms lost $46 million. Elle a aussi miné 520 bitcoins au T3.', 'fr')).toBe(false);
    expect(
      isWrittenIn('Bitfarms a perdu 46 millions de dollars. The company also mined 520 bitcoins.', 'en'),
    ).toBe(false);
  });

  it('reads neither a third language nor a bare figure as French or English', () => {
    expect(identifyLanguage('Bitfarms hat einen Verlust von 46 Millionen Dollar gemeldet.')).toBeUndefined();
    expect(identifyLanguage('IREN : +10 %')).toBeUndefined();
  });
});

describe('the LLM text gate', () => {
  it('lets a plain answer in the reader’s language through', () => {
    expect(
      gateLlmText('IREN a signé un partenariat de 9,7 milliards de dollars avec Microsoft.', 'fr'),
    ).toEqual({ ok: true });
  });

  it('refuses an answer in the other language', () => {
    expect(gateLlmText('IREN signed a $9.7 billion deal with Microsoft.', 'fr')).toMatchObject({
      code: 'llmWrongLanguage',
    });
  });

  it.each([
    ['a masked link', 'IREN signed a [deal](https://evil.example) worth $9.7 billion.'],
    ['a plain URL', 'IREN signed a $9.7 billion deal, see https://example.com.'],
    ['an autolink', 'IREN signed a $9.7 billion deal <https://example.com>.'],
    ['a bare domain', 'IREN signed a $9.7 billion deal, details on iren-deal.io/now.'],
    ['@everyone', '@everyone IREN signed a $9.7 billion deal.'],
    ['@everyone with a zero-width space inside', '@every\u200bone IREN signed a $9.7 billion deal.'],
    ['a full-width @here', '＠here IREN signed a $9.7 billion deal.'],
    ['a user mention', '<@123456789012345678> IREN signed a $9.7 billion deal.'],
    ['a nickname mention', '<@!123456789012345678> IREN signed a $9.7 billion deal.'],
    ['a role mention', '<@&123456789012345678> IREN signed a $9.7 billion deal.'],
    ['a channel mention', 'See <#123456789012345678>: IREN signed a $9.7 billion deal.'],
    ['a heading', '# Breaking\nIREN signed a $9.7 billion deal.'],
    ['a code block', '```\nIREN signed a $9.7 billion deal.\n```'],
  ])('refuses %s as unsafe', (_kind, text) => {
    expect(gateLlmText(text, 'en')).toMatchObject({ ok: false, code: 'llmUnsafe' });
  });
});

describe('quotes in another language', () => {
  it('reads an answer by the words around its quote', () => {
    const text =
      'Selon Ben Gagnon, le site de Washington est un atout : « One of the big dynamics is that the public miners represented almost a third of the entire network ».';
    expect(isWrittenIn(text, 'fr')).toBe(true);
    expect(isWrittenIn(text, 'en')).toBe(false);
  });
});

describe('answers that switch language between two seed sentences', () => {
  const texts = facts.map((fact) => ({ fr: renderFactText(fact, 'fr'), en: renderFactText(fact, 'en') }));
  it.each(['fr', 'en'] as const)('are never read as written in %s', (lang) => {
    const other = lang === 'fr' ? 'en' : 'fr';
    const accepted = texts
      .map((text, i) => `${text[lang]} ${texts[(i + 1) % texts.length]![other]}`)
      .filter((mixed) => isWrittenIn(mixed, lang));
    expect(accepted).toEqual([]);
  });
});
