import { type Command, CommandError } from './index.ts';
import { renderAnswer } from './render/answer.ts';

/** `/ask question:<text>`: an answer drawn only from verified facts, deferred when an LLM may take its time. */
export const ask = {
  data: {
    name: 'ask',
    options: [{ name: 'question', type: 'string', required: true, minLength: 2, maxLength: 300 }],
  },
  async execute(ctx) {
    const { services } = ctx;
    const question = ctx.options.string('question')?.trim() ?? '';
    if (!question) throw new CommandError('emptyQuestion');
    // An LLM round trip can outlast Discord's 3 seconds; a templated answer never does.
    if (services.llmAvailable) await ctx.defer();
    const previous = services.followUps?.recall(ctx.user.id, ctx.channelId);
    const answer = await services.answerer.answer({
      question,
      lang: ctx.lang,
      mode: services.llmAvailable ? 'llm' : 'template',
      askerId: ctx.user.id,
      ...(previous ? { previous } : {}),
    });
    if (answer.subject) services.followUps?.remember(ctx.user.id, ctx.channelId, answer.subject);
    services.log.info('ask.answered', {
      user: ctx.user.id,
      answered: answer.answered,
      mode: answer.mode,
      facts: answer.facts,
      ...(previous ? { followUp: true } : {}),
      ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
    });
    await ctx.reply(renderAnswer(answer, ctx));
  },
} satisfies Command;
