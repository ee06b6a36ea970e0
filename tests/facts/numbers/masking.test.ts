import { describe, expect, it } from 'vitest';
import { entityNumberNames, extractNumbers } from '../../../facts/numbers/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';

const texts = (text: string, lang: 'fr' | 'en') => extractNumbers(text, lang).map((m) => m.text);

describe('identifiers are not numbers', () => {
  it('ignores indexes, standards and filings', () => {
    expect(texts('The S&P 500 gained 2% over the period.', 'en')).toEqual(['2%']);
    expect(texts('La pandémie de COVID-19 a fait chuter les marchés de 30 %.', 'fr')).toEqual(['30 %']);
    expect(texts('Le standard ERC-20 domine sur Ethereum, le CAC 40 aussi.', 'fr')).toEqual([]);
    expect(texts('Bitcoin Core 27.0 introduced BIP-324 encrypted transport.', 'en')).toEqual([]);
    expect(texts('The 10-K filing for fiscal 2024 was released on Monday.', 'en')).toEqual(['2024']);
  });

  it('ignores versions, link hosts, e-mails, times and phone numbers', () => {
    expect(texts('La version 2.0 du protocole Lightning réduit les frais de 40 %.', 'fr')).toEqual(['40 %']);
    expect(texts('See https://web3.example.com or www.site2.io for details, v2.1.3.', 'en')).toEqual([]);
    expect(texts('Write to ir2025@example.com.', 'en')).toEqual([]);
    expect(texts('At 9:30 a.m. ET, shares opened 4% higher; 9 am; 10 p.m.', 'en')).toEqual(['4%']);
    expect(texts('À 14 h 30 et à 9h30, puis 18h, le titre a pris 3 %.', 'fr')).toEqual(['3 %']);
    expect(texts('Call +1 (555) 010-2030 or 555-010-2030 for investor relations.', 'en')).toEqual([]);
    expect(texts('Appelez le 01 23 45 67 89 ou le +33 1 23 45 67 89.', 'fr')).toEqual([]);
  });

  it('ignores wallets, hashes, ordinals and alphanumeric names', () => {
    expect(texts('The Mt. Gox trustee moved 47,229 BTC from wallet 1JbezD.', 'en')).toEqual(['47,229 BTC']);
    expect(texts('0x7a3f9e sent 3D models over 5G, the 3e plus grand, the 20th century, Web3', 'en')).toEqual(
      [],
    );
    expect(texts('MicroStrategy est le 3e plus grand détenteur.', 'fr')).toEqual([]);
  });

  it('ignores fact ids, citations and Discord mentions', () => {
    expect(texts('Selon [iren-microsoft-deal-value] et bitfarms-q3-2025-net-loss, rien.', 'fr')).toEqual([]);
    expect(
      texts('<@123456789012345678> <@!42> <#987654321> <@&55> <:btc:123> </facts show:42>', 'en'),
    ).toEqual([]);
  });

  it('masks the registry names the caller passes, and only those', () => {
    const names = ['Hut 8', 'S&P 500', 'Bitfarms'];
    const read = (text: string, lang: 'fr' | 'en') =>
      extractNumbers(text, lang, { names }).map((m) => m.text);
    expect(read('Hut 8 a miné 120 BTC, hut  8 aussi.', 'fr')).toEqual(['120 BTC']);
    expect(texts('Hut 8 a miné 120 BTC.', 'fr')).toEqual(['8', '120 BTC']);
    const seedNames = { names: entityNumberNames(loadSeed().entities) };
    expect(
      extractNumbers('Le S&P500 et le Standard & Poor’s 500 ont pris 2 %.', 'fr', seedNames),
    ).toHaveLength(1);
    // a name is masked whole, never inside a longer word or number
    expect(read('Hut 80 and Shut 8 mined 5 BTC.', 'en')).toEqual(['80', '8', '5 BTC']);
  });
});

describe('numbers that look like identifiers are still numbers', () => {
  const read = (text: string, lang: 'fr' | 'en') =>
    extractNumbers(text, lang).map((m) => `${m.text}=${m.value} ${m.unit}${m.period ? ` ${m.period}` : ''}`);

  it('reads the numbers in a link path, not its host', () => {
    expect(read('See https://web3.example.com/news/bitdeer-q3-net-loss-276-7m now.', 'en')).toEqual([
      '3=3 count',
      '276=276 count',
      '7=7 count',
    ]);
    expect(read('Voir example.com/rapport-2024 et www.site.io/q3.', 'fr')).toEqual([
      '2024=2024 year 2024',
      '3=3 count',
    ]);
  });

  it('reads a Discord timestamp as the UTC day it denotes', () => {
    expect(read('Publié le <t:1731888000> et relu <t:1731888000:D>.', 'fr')).toEqual([
      '<t:1731888000>=18 date 2024-11-18',
      '<t:1731888000:D>=18 date 2024-11-18',
    ]);
    expect(read('Due <t:1767225599:R>.', 'en')).toEqual(['<t:1767225599:R>=31 date 2025-12-31']);
  });

  it('reads capacities after version-like words and codes', () => {
    expect(read('Le site WA-25MW et le core 750 MW tournent.', 'fr')).toEqual([
      '25MW=25 MW',
      '750 MW=750 MW',
    ]);
    expect(read('Bitcoin Core 27.0 and Core 750 MW.', 'en')).toEqual(['750 MW=750 MW']);
  });

  it('reads multipliers as multiples, glued before or after the number', () => {
    expect(read('Revenue grew 3x, then x2, then ×1,9 and 10X.', 'en')).toEqual([
      '3x=3 multiple',
      'x2=2 multiple',
      '×1,9=1.9 multiple',
      '10X=10 multiple',
    ]);
    expect(read('Le cours a fait x10 puis 2,5×.', 'fr')).toEqual(['x10=10 multiple', '2,5×=2.5 multiple']);
    // a product or a letter is no multiple; neither is a hexadecimal id
    expect(read('3 x 4 and x 5, 0x7a3f', 'en')).toEqual(['3=3 count', '4=4 count', '5=5 count']);
  });
});
