import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerRig } from '../../support/answer-rig.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../../support/fake-anthropic.ts';

let fake: FakeAnthropic;
let rig: Awaited<ReturnType<typeof answerRig>>;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  rig = await answerRig({ ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: fake.baseURL });
});
afterAll(() => fake.close());

const ask = (question: string, lang: 'fr' | 'en') =>
  rig.answerer.answer({ question, lang, mode: 'llm', askerId: 'gate' });

const DEAL_FR = 'Combien vaut l’accord entre IREN et Microsoft ?';
const DEAL_EN = 'How much is the IREN Microsoft deal worth?';

describe('an LLM answer that may not reach the reader, through the real SDK', () => {
  it.each([
    [
      'in English to a French reader',
      DEAL_FR,
      'fr',
      'IREN signed a $9.7 billion partnership with Microsoft.',
      'llmWrongLanguage',
    ],
    [
      'in French to an English reader',
      DEAL_EN,
      'en',
      'IREN a signé un partenariat de 9,7 milliards de dollars avec Microsoft.',
      'llmWrongLanguage',
    ],
    [
      'with a masked link',
      DEAL_EN,
      'en',
      'IREN signed a [$9.7 billion deal](https://evil.example) with Microsoft.',
      'llmUnsafe',
    ],
    [
      'with @everyone',
      DEAL_EN,
      'en',
      '@everyone IREN signed a $9.7 billion partnership with Microsoft.',
      'llmUnsafe',
    ],
    [
      'with @here hidden by a zero-width space',
      DEAL_FR,
      'fr',
      '@he\u200bre IREN a signé un partenariat de 9,7 milliards de dollars avec Microsoft.',
      'llmUnsafe',
    ],
    [
      'with a heading',
      DEAL_EN,
      'en',
      '## Deal\nIREN signed a $9.7 billion partnership with Microsoft.',
      'llmUnsafe',
    ],
    [
      'with full-width digits carrying a wrong number',
      DEAL_FR,
      'fr',
      'IREN a signé un partenariat de ７,９ milliards de dollars avec Microsoft.',
      'llmUnverified',
    ],
  ])('is replaced by the template when written %s', async (_kind, question, lang, text, reason) => {
    fake.enqueue({ text });
    const answer = await ask(question, lang as 'fr' | 'en');
    expect(answer).toMatchObject({
      mode: 'fallback',
      fallbackReason: reason,
      verified: true,
      answered: true,
    });
    expect(answer.text).not.toBe(text);
    expect(answer.text).toContain(lang === 'fr' ? '9,7 milliards de dollars' : '$9.7 billion');
    expect(rig.logs.some((line) => line.includes('llmRejected') && line.includes(reason))).toBe(true);
  });

  it('is shown when plain, verified and in the reader’s language', async () => {
    fake.enqueue({
      text: 'IREN a signé un partenariat de 9,7 milliards de dollars avec Microsoft [iren-microsoft-deal-value].',
    });
    const answer = await ask(DEAL_FR, 'fr');
    expect(answer).toMatchObject({ mode: 'llm', verified: true });
  });
});
