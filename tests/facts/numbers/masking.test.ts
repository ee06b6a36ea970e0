import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../facts/numbers/index.ts';

const texts = (text: string, lang: 'fr' | 'en') => extractNumbers(text, lang).map((m) => m.text);

describe('identifiers are not numbers', () => {
  it('ignores indexes, standards and filings', () => {
    expect(texts('The S&P 500 gained 2% over the period.', 'en')).toEqual(['2%']);
    expect(texts('La pandémie de COVID-19 a fait chuter les marchés de 30 %.', 'fr')).toEqual(['30 %']);
    expect(texts('Le standard ERC-20 domine sur Ethereum, le CAC 40 aussi.', 'fr')).toEqual([]);
    expect(texts('Bitcoin Core 27.0 introduced BIP-324 encrypted transport.', 'en')).toEqual([]);
    expect(texts('The 10-K filing for fiscal 2024 was released on Monday.', 'en')).toEqual(['2024']);
  });

  it('ignores versions, URLs, e-mails, times and phone numbers', () => {
    expect(texts('La version 2.0 du protocole Lightning réduit les frais de 40 %.', 'fr')).toEqual(['40 %']);
    expect(
      texts('See https://example.com/report-2024/page3 or www.site.io/q3-2025 for details, v2.1.3.', 'en'),
    ).toEqual([]);
    expect(texts('Write to ir2025@example.com or see example.com/2024.', 'en')).toEqual([]);
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
      texts('<@123456789012345678> <@!42> <#987654321> <@&55> <t:1700000000:R> <:btc:123>', 'en'),
    ).toEqual([]);
  });
});
