import { describe, expect, it } from 'vitest';
import { createFollowUpMemory, FOLLOW_UP_MS } from '../../bot/follow-ups.ts';
import { answerRig } from '../support/answer-rig.ts';

const subject = { namedWords: ['Bitfarms'], askedWords: ['net loss'] };

describe('the follow-up memory', () => {
  it('remembers a reader’s subject per channel for ten minutes, and no longer', () => {
    let now = 0;
    const memory = createFollowUpMemory(() => now);
    memory.remember('u1', 'c1', subject);
    expect(memory.recall('u1', 'c1')).toEqual(subject);
    expect(memory.recall('u1', 'c2')).toBeUndefined();
    expect(memory.recall('u2', 'c1')).toBeUndefined();
    now = FOLLOW_UP_MS + 1;
    expect(memory.recall('u1', 'c1')).toBeUndefined();
  });
});

describe('a follow-up question', () => {
  it('reuses the previous subject when it names none, in both languages', async () => {
    const { answerer } = await answerRig();
    const first = await answerer.answer({
      question: 'What was Bitdeer’s net loss?',
      lang: 'en',
      mode: 'template',
    });
    const en = await answerer.answer({
      question: 'and its shares?',
      lang: 'en',
      mode: 'template',
      previous: first.subject!,
    });
    expect(en.text).toContain('7.5%');
    const fr = await answerer.answer({
      question: 'et ses actions ?',
      lang: 'fr',
      mode: 'template',
      previous: first.subject!,
    });
    expect(fr.text).toMatch(/7,5\s%/u);
  });

  it('does not carry a subject into an unrelated question', async () => {
    const { answerer } = await answerRig();
    const first = await answerer.answer({
      question: 'What was Bitdeer’s net loss?',
      lang: 'en',
      mode: 'template',
    });
    const off = await answerer.answer({
      question: 'What is the capital of Australia?',
      lang: 'en',
      mode: 'template',
      previous: first.subject!,
    });
    expect(off.answered).toBe(false);
  });
});
