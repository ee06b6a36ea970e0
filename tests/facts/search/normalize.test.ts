import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets, stripPlaceholders, tokenize } from '../../../facts/search/normalize.ts';

const surfaces = (text: string) => tokenize(text).map((token) => token.surface);

describe('folding a text for search', () => {
  it('drops diacritics and case so entrées, ENTREES and Entrees meet', () => {
    expect(foldText('Entrées')).toBe('entrees');
    expect(foldText('ENTRÉES')).toBe('entrees');
    expect(foldText('Réserve fédérale, État, août, ça, où')).toBe('reserve federale, etat, aout, ca, ou');
  });

  it('keeps for each folded character the offset of the original one', () => {
    const text = 'Le T3 de l’Œuvre';
    const { folded, offsets } = foldWithOffsets(text);
    const at = folded.indexOf('t3');
    expect(text.slice(offsets[at]!, offsets[at + 2]!)).toBe('T3');
  });

  it('turns placeholders into the words of their key', () => {
    expect(stripPlaceholders('une perte nette de {netLoss} en {max:n} ans')).toBe(
      'une perte nette de  net Loss  en  max  ans',
    );
  });
});

describe('splitting a text into words', () => {
  it("drops French elisions: l'IA, d'IREN, qu'a", () => {
    expect(surfaces("l'IA d’IREN qu'a jusqu'ici")).toEqual(['ia', 'iren', 'a', 'ici']);
  });

  it("drops English possessives: Bitdeer's, Bitfarms'", () => {
    expect(surfaces("Bitdeer's loss and Bitfarms' revenue")).toEqual([
      'bitdeer',
      'loss',
      'and',
      'bitfarms',
      'revenue',
    ]);
  });

  it('keeps decimal numbers whole, with a point', () => {
    expect(surfaces('9,7 milliards ou 9.7 billion, 266,7 M$')).toEqual([
      '9.7',
      'milliards',
      'ou',
      '9.7',
      'billion',
      '266.7',
      'm',
    ]);
  });

  it('reports each word at its place in the original text', () => {
    const text = 'Quelle perte pour Bitdeer ?';
    const token = tokenize(text).find((t) => t.surface === 'bitdeer')!;
    expect(text.slice(token.start, token.end)).toBe('Bitdeer');
  });
});
