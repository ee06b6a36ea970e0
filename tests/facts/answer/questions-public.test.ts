import { describe, expect, it } from 'vitest';
import { answerRig } from '../../support/answer-rig.ts';
import { EVAL_PRESENT, readEval } from '../../support/shared-eval.ts';

interface Question {
  id: string;
  lang: 'fr' | 'en';
  question: string;
  kind: 'answer' | 'offtopic' | 'injection';
  match?: string[];
  forbid?: string;
}

const questions = readEval<Question>('questions-public.jsonl');
const { answerer } = await answerRig();

describe.runIf(EVAL_PRESENT)('the public questions, answered from the templates', () => {
  it.each(questions.map((q) => [q.id, q.kind, q] as const))('%s (%s)', async (_id, _kind, q) => {
    const answer = await answerer.answer({ question: q.question, lang: q.lang, mode: 'template' });
    expect(answer.verified).toBe(true);
    if (q.kind === 'offtopic') {
      expect(answer.answered).toBe(false);
      expect(answer.facts).toEqual([]);
      return;
    }
    expect(answer.answered).toBe(true);
    expect(answer.numbers.every((n) => n.status === 'verified')).toBe(true);
    for (const pattern of q.match ?? []) expect(answer.text).toMatch(new RegExp(pattern, 'i'));
    if (q.forbid) expect(answer.text).not.toMatch(new RegExp(q.forbid, 'i'));
  });
});

describe('answers in the asker’s language', () => {
  it('answers a French question in French and an English one in English', async () => {
    const fr = await answerer.answer({
      question: 'Combien vaut l’accord entre IREN et Microsoft ?',
      lang: 'fr',
      mode: 'template',
    });
    const en = await answerer.answer({
      question: 'How much is the IREN Microsoft deal worth?',
      lang: 'en',
      mode: 'template',
    });
    expect(fr.text).toContain('9,7 milliards de dollars');
    expect(en.text).toContain('$9.7 billion');
    expect(fr.sources.length).toBeGreaterThan(0);
    expect(fr.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('says honestly when nothing answers, and what it covers', async () => {
    const answer = await answerer.answer({
      question: 'Quelle est la météo à Lyon demain ?',
      lang: 'fr',
      mode: 'template',
    });
    expect(answer.answered).toBe(false);
    expect(answer.text).toMatch(/aucun fait vérifié/i);
    expect(answer.numbers).toEqual([]);
  });

  it('marks a quote as original wording or as a translation', async () => {
    const answer = await answerer.answer({
      question: 'What did Val Vavilov say about Bitfury’s mission?',
      lang: 'en',
      mode: 'template',
    });
    expect(answer.text).toMatch(/original wording|translated from the French/);
  });
});
