import { describe, expect, it } from 'vitest';
import { langOfLocale, resolveReplyLang } from '../../bot/lang.ts';

describe('the language of a reply', () => {
  it('follows the user’s /lang choice over everything else', () => {
    expect(resolveReplyLang({ userChoice: 'fr', discordLocale: 'en-US', guildLang: 'en' })).toBe('fr');
    expect(resolveReplyLang({ userChoice: 'en', discordLocale: 'fr', guildLang: 'fr' })).toBe('en');
  });

  it('uses a French Discord client’s locale when the user chose nothing', () => {
    expect(resolveReplyLang({ userChoice: 'auto', discordLocale: 'fr', guildLang: 'en' })).toBe('fr');
  });

  it('answers US and British English clients in English, even on a French server', () => {
    expect(resolveReplyLang({ userChoice: 'auto', discordLocale: 'en-US', guildLang: 'fr' })).toBe('en');
    expect(resolveReplyLang({ userChoice: 'auto', discordLocale: 'en-GB', guildLang: 'fr' })).toBe('en');
  });

  it('falls back to the server’s language for other client locales', () => {
    expect(resolveReplyLang({ userChoice: 'auto', discordLocale: 'de', guildLang: 'fr' })).toBe('fr');
    expect(resolveReplyLang({ userChoice: 'auto', discordLocale: 'es-ES', guildLang: 'en' })).toBe('en');
  });

  it('answers in English on a server that posts in both languages', () => {
    expect(resolveReplyLang({ userChoice: 'auto', discordLocale: 'ja', guildLang: 'both' })).toBe('en');
  });

  it('answers in English when nothing else decides (direct messages, no locale)', () => {
    expect(resolveReplyLang({ userChoice: 'auto', discordLocale: 'pt-BR' })).toBe('en');
    expect(resolveReplyLang({ userChoice: 'auto' })).toBe('en');
  });

  it('reads only French and English out of Discord locales', () => {
    expect([langOfLocale('fr'), langOfLocale('en-GB'), langOfLocale('EN-us'), langOfLocale('de')]).toEqual([
      'fr',
      'en',
      'en',
      undefined,
    ]);
  });
});
