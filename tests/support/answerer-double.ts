import type { Answer, Answerer, AnswerRequest } from '../../facts/answer/types.ts';

/**
 * TEST DOUBLE — not the answer engine. Wraps an answerer (or answers a fixed text) after a delay, to stand in for
 * a slow LLM round trip when testing Discord's 3-second rule. Records the requests it got.
 */
export function slowAnswerer(delayMs: number, inner?: Answerer): Answerer & { requests: AnswerRequest[] } {
  const requests: AnswerRequest[] = [];
  return {
    requests,
    async answer(request) {
      requests.push(request);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (inner) return inner.answer(request);
      const answer: Answer = {
        answered: false,
        lang: request.lang,
        text: `slow answer to: ${request.question}`,
        facts: [],
        verified: false,
        mode: 'template',
        numbers: [],
        sources: [],
      };
      return answer;
    },
  };
}
