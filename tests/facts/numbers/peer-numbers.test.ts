import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../facts/numbers/index.ts';
import type { Lang } from '../../../facts/schema/index.ts';
import { EVAL_PRESENT, readEval } from '../../support/shared-eval.ts';

interface PeerCase {
  id: string;
  lang: Lang;
  text: string;
  expect: { text: string; value: number; unit: string }[];
}

const cases = readEval<PeerCase>('peer-numbers.jsonl');

/** Share of expected items found: same unit, same fully scaled value (relative tolerance 1e-9). */
function recall(lang: Lang): { found: number; expected: number; missed: string[] } {
  let found = 0;
  let expected = 0;
  const missed: string[] = [];
  for (const peer of cases.filter((c) => c.lang === lang)) {
    const mentions = extractNumbers(peer.text, peer.lang);
    for (const item of peer.expect) {
      expected++;
      const tolerance = 1e-9 * Math.max(1, Math.abs(item.value));
      if (mentions.some((m) => m.unit === item.unit && Math.abs(m.value - item.value) <= tolerance)) found++;
      else missed.push(`${peer.id}: ${item.text} = ${item.value} ${item.unit}`);
    }
  }
  return { found, expected, missed };
}

describe.runIf(EVAL_PRESENT)('peer-numbers (Recognizers-Text specs, USD / percent / count)', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`finds at least 90 % of the expected ${lang} numbers`, () => {
      const { found, expected, missed } = recall(lang);
      expect(expected).toBeGreaterThan(100);
      expect(found / expected, missed.join('\n')).toBeGreaterThanOrEqual(0.9);
    });
  }
});
