import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../../facts/seed/index.ts';
import { createVerifier } from '../../../facts/verify/index.ts';
import { EVAL_PRESENT, readEval } from '../../support/shared-eval.ts';

interface Case {
  id: string;
  lang: 'fr' | 'en';
  text: string;
  expect: 'pass' | 'fail';
  kind: string;
}

const seed = loadSeed();
const verifier = createVerifier(seed.facts, seed.entities);
const cases = readEval<Case>('verify-public.jsonl');

describe.runIf(EVAL_PRESENT)('the public verification cases', () => {
  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(38);
  });

  it.each(cases.map((c) => [c.id, c.kind, c.expect, c] as const))(
    '%s (%s) is judged %s',
    (_id, _kind, _expect, c) => {
      const report = verifier.verify(c.text, c.lang);
      const summary = report.numbers.map((n) => `${n.text}:${n.status}:${n.reason}`);
      expect({ ok: report.ok, summary }).toMatchObject({ ok: c.expect === 'pass' });
      if (c.expect === 'pass') expect(report.numbers.length).toBeGreaterThan(0);
    },
  );
});
