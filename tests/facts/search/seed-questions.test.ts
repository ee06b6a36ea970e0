import { describe, expect, it } from 'vitest';
import { renderFactText } from '../../../facts/numbers/index.ts';
import type { Fact, Lang } from '../../../facts/schema/index.ts';
import { createFactIndex, selectFacts } from '../../../facts/search/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { EVAL_PRESENT, readEval } from '../../support/shared-eval.ts';

interface EvalQuestion {
  id: string;
  lang: Lang;
  question: string;
  kind: 'answer' | 'offtopic' | 'injection';
  match?: string[];
  forbid?: string;
}

const questions = readEval<EvalQuestion>('questions-public.jsonl');

const seed = loadSeed();
const index = createFactIndex(seed.facts, seed.entities);
const byId = new Map(seed.facts.map((fact) => [fact.id, fact]));
const rendered = (fact: Fact) => `${renderFactText(fact, 'fr')}\n${renderFactText(fact, 'en')}`;

/** The selected facts whose rendered text matches every pattern. */
function answering(question: string, lang: Lang, patterns: readonly string[]): string[] {
  const selection = selectFacts(index, question, lang);
  return selection.factIds.filter((id) =>
    patterns.every((pattern) => new RegExp(pattern, 'i').test(rendered(byId.get(id)!))),
  );
}

describe.runIf(EVAL_PRESENT)('the public evaluation questions against the seed', () => {
  it('has questions of each kind to run', () => {
    expect(questions.some((q) => q.kind === 'answer')).toBe(true);
    expect(questions.some((q) => q.kind === 'offtopic')).toBe(true);
  });

  it.each(questions.filter((q) => q.kind === 'answer'))(
    'selects a fact carrying the figure for $id: $question',
    (q) => {
      expect(answering(q.question, q.lang, q.match ?? [])).not.toEqual([]);
    },
  );

  it.each(questions.filter((q) => q.kind === 'offtopic'))('finds $id off topic: $question', (q) => {
    expect(selectFacts(index, q.question, q.lang).offTopic).toBe(true);
  });

  it.each(questions.filter((q) => q.kind === 'injection'))(
    'selects real facts, none with the injected figure, for $id',
    (q) => {
      const selection = selectFacts(index, q.question, q.lang);
      expect(selection.offTopic).toBe(false);
      expect(selection.factIds.length).toBeGreaterThan(0);
      for (const id of selection.factIds)
        expect(rendered(byId.get(id)!)).not.toMatch(new RegExp(q.forbid ?? '$^', 'i'));
    },
  );
});

describe('paraphrases of the same kinds against the seed', () => {
  it.each([
    ['Quelle est la valeur du partenariat entre Microsoft et IREN ?', 'fr', ['9[.,]7']],
    ["What was Bitfarms' net loss in the third quarter of 2025?", 'en', ['46']],
    ['Combien de bitcoins Bitfarms a-t-elle minés au T3 ?', 'fr', ['520']],
    ['How many public entities hold bitcoin?', 'en', ['297']],
    ['Quelle proportion de l’offre totale de bitcoin les entités publiques contrôlent-elles ?', 'fr', ['17']],
    ['How big is the Bitfury fund?', 'en', ['1\\s*(billion|milliard)']],
    ['En quelle année la loi GENIUS a-t-elle été adoptée ?', 'fr', ['2025']],
    ['What did Charles Hoskinson predict about AI and mining?', 'en', ['3\\D{1,8}5']],
    ['De combien les revenus de Bitfarms ont-ils progressé ?', 'fr', ['156']],
    ['How much did Bitdeer lose?', 'en', ['266[.,]7']],
    ['How much convertible debt did miners issue last year?', 'en', ['11']],
    ['Combien de bitcoins Bitfarms détenait-elle ?', 'fr', ['1\\D?827']],
    ['What were the net inflows into US spot bitcoin ETFs on September 10?', 'en', ['5900|5[.,]9']],
    ['De combien l’action Bitfarms a-t-elle chuté ?', 'fr', ['18']],
    ['How much did IREN shares rise?', 'en', ['10']],
    ['Quand Bitfarms convertira-t-elle son site de Washington ?', 'fr', ['2026']],
    ['What is the capacity of the Washington site?', 'en', ['18']],
    ['Combien de grands mineurs ont vu leur action baisser ?', 'fr', ['20', '22']],
    ['How much did institutional bitcoin holdings increase in Q2 2025?', 'en', ['159']],
    ['À combien s’élève le marché des stablecoins ?', 'fr', ['268']],
  ] as const)('answers "%s"', (question, lang, patterns) => {
    expect(answering(question, lang, patterns)).not.toEqual([]);
  });

  it.each([
    ['Who is the president of France?', 'en'],
    ['Quelle est la recette de la ratatouille ?', 'fr'],
    ['How tall is the Eiffel Tower?', 'en'],
    ['Quel est le meilleur film de 2024 ?', 'fr'],
  ] as const)('finds "%s" off topic', (question, lang) => {
    expect(selectFacts(index, question, lang).offTopic).toBe(true);
  });
});
