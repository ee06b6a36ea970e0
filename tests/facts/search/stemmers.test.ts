import { describe, expect, it } from 'vitest';
import { stemEn } from '../../../facts/search/stem-en.ts';
import { stemFr } from '../../../facts/search/stem-fr.ts';

const sameStem = (stem: (word: string) => string, words: string[]) => new Set(words.map(stem)).size;

describe('the light French stemmer', () => {
  it('meets singular and plural', () => {
    expect(stemFr('pertes')).toBe(stemFr('perte'));
    expect(stemFr('entites')).toBe(stemFr('entite'));
    expect(stemFr('fiscaux')).toBe(stemFr('fiscal'));
    expect(stemFr('actions')).toBe(stemFr('action'));
  });

  it('meets masculine, feminine and participles', () => {
    expect(sameStem(stemFr, ['adopte', 'adoptee', 'adoptes', 'adoptees', 'adopter'])).toBe(1);
    expect(sameStem(stemFr, ['nette', 'nettes', 'net', 'nets'])).toBe(1);
    expect(sameStem(stemFr, ['positive', 'positif'])).toBe(1);
    expect(sameStem(stemFr, ['premiere', 'premier'])).toBe(1);
  });

  it('meets -ement nouns and their verb', () => {
    expect(stemFr('changement')).toBe(stemFr('changer'));
  });

  it('leaves short words and numbers alone', () => {
    expect(stemFr('ans')).toBe('ans');
    expect(stemFr('2025')).toBe('2025');
    expect(stemFr('t3')).toBe('t3');
  });

  it('keeps different words apart', () => {
    expect(stemFr('perte')).not.toBe(stemFr('porte'));
    expect(stemFr('revenus')).not.toBe(stemFr('reserve'));
  });
});

describe('the light English stemmer (Porter step 1)', () => {
  it('meets plurals', () => {
    expect(stemEn('losses')).toBe('loss');
    expect(stemEn('deals')).toBe('deal');
    expect(sameStem(stemEn, ['entities', 'entity'])).toBe(1);
    expect(sameStem(stemEn, ['companies', 'company'])).toBe(1);
  });

  it('meets -ed and -ing forms', () => {
    expect(sameStem(stemEn, ['mined', 'mining', 'mine', 'mines'])).toBe(1);
    expect(sameStem(stemEn, ['predicted', 'predicting', 'predicts', 'predict'])).toBe(1);
    expect(sameStem(stemEn, ['holdings', 'holding', 'hold', 'holds'])).toBe(1);
    expect(stemEn('stopped')).toBe('stop');
    expect(stemEn('agreed')).toBe('agree');
  });

  it('leaves short words, numbers and words in -ss or -us alone', () => {
    expect(stemEn('q3')).toBe('q3');
    expect(stemEn('loss')).toBe('loss');
    expect(stemEn('status')).toBe('status');
    expect(stemEn('is')).toBe('is');
  });
});
