import type { Answer } from '../../facts/answer/types.ts';
import type { CommandContext, Reply } from '../index.ts';
import { formatDate } from './dates.ts';
import { renderSource } from './sources.ts';
import { capLines } from './text.ts';

/** What rendering an answer needs of a context: the reader's words and language (`/ask`, the console, the CLI). */
export type AnswerReader = Pick<CommandContext, 't' | 'lang'>;

const ANSWERED = 0x1565c0;
const UNANSWERED = 0x757575;

/** How the answer was written: templated, by an LLM and verified, or templated after the LLM answer was set aside. */
function footerOf(answer: Answer, ctx: AnswerReader): string {
  const { t } = ctx;
  if (answer.mode === 'llm')
    return t(answer.verified ? 'commands:ask.footer.llm' : 'commands:ask.footer.llmUnverified');
  if (answer.mode === 'fallback') {
    const code = answer.fallbackReason ?? 'llmError';
    return t('commands:ask.footer.fallback', {
      reason: t(`commands:ask.fallbackReason.${code}`),
    });
  }
  return t('commands:ask.footer.template');
}

/**
 * An answer as an embed: the text, its sources (title — publisher, date), the date it is true as of, and a footer
 * saying how it was written. An unanswered question shows the engine's honest "no verified facts" and what it covers.
 */
export function renderAnswer(answer: Answer, ctx: AnswerReader): Reply {
  const { t, lang } = ctx;
  if (!answer.answered) {
    return { embeds: [{ description: answer.text || t('commands:ask.unanswered'), color: UNANSWERED }] };
  }
  const fields: { name: string; value: string; inline?: boolean }[] = [];
  if (answer.sources.length > 0) {
    const lines = answer.sources.map((source) => renderSource(source, lang, t));
    fields.push({ name: t('commands:ask.sources'), value: capLines(lines, 6, t) });
  }
  if (answer.asOf)
    fields.push({ name: t('commands:ask.asOf'), value: formatDate(answer.asOf, lang), inline: true });
  return { embeds: [{ description: answer.text, fields, footer: footerOf(answer, ctx), color: ANSWERED }] };
}
