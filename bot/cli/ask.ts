import { z } from 'zod';
import { renderAnswer } from '../../commands/render/answer.ts';
import type { Answer } from '../../facts/answer/types.ts';
import type { Lang } from '../../facts/schema/index.ts';
import { createFactIndex } from '../../facts/search/index.ts';
import { composeAnswerer } from '../answerer.ts';
import { secretsOf } from '../config.ts';
import { renderReply } from '../console/render.ts';
import { createFollowUpMemory } from '../follow-ups.ts';
import { asTranslate, loadI18n, type Translator } from '../i18n.ts';
import { createLogger } from '../log.ts';
import { openCliStore, parseLangFlag, startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { runJsonl } from './jsonl.ts';
import { parseCli, USAGE } from './parse.ts';

const OPTIONS = {
  lang: { type: 'string' },
  mode: { type: 'string' },
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
} as const;
const ModeSchema = z.enum(['template', 'llm']);
const LineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  lang: z.enum(['fr', 'en']),
  question: z.string().min(1).max(6000),
  /** Lines of one `user` (in one `channel`) form a conversation: a follow-up reuses the previous subject. */
  user: z.string().min(1).max(100).optional(),
  channel: z.string().min(1).max(100).optional(),
});

/** An answer as a reader sees it: rendered as `/ask` renders it, printed as the console prints it. */
export const describeAnswer = (answer: Answer, t: Translator, lang: Lang): string =>
  renderReply(renderAnswer(answer, { t: asTranslate(t), lang }), asTranslate(t));

/** `briefing ask "<question>" --lang fr|en [--mode template|llm] [--json]`, or `--jsonl` on stdin. */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, OPTIONS, io);
  if (!parsed) return USAGE;
  const lang = parseLangFlag(parsed.values.lang);
  const mode = ModeSchema.safeParse(parsed.values.mode ?? 'template');
  const session = await startCli(io, lang.ok ? lang.value : undefined);
  if (!session) return USAGE;
  const question = parsed.positionals.join(' ').trim();
  if (!lang.ok || !mode.success || (!parsed.values.jsonl && !question)) {
    io.err(session.t('cli:ask.usage'));
    return USAGE;
  }
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const { config } = session;
  const log = createLogger({ level: config.BRIEFING_LOG_LEVEL, secrets: secretsOf(config), write: io.err });
  const answerer = composeAnswerer(
    store,
    createFactIndex(store.listFacts(), store.listEntities()),
    await loadI18n(),
    config,
    log,
  );
  try {
    if (parsed.values.jsonl) {
      const followUps = createFollowUpMemory();
      await runJsonl(io, LineSchema, async (line) => {
        const previous = line.user ? followUps.recall(line.user, line.channel) : undefined;
        const answer = await answerer.answer({
          question: line.question,
          lang: line.lang,
          mode: mode.data,
          askerId: line.user ?? 'cli',
          ...(previous ? { previous } : {}),
        });
        if (line.user && answer.subject) followUps.remember(line.user, line.channel, answer.subject);
        const { answered, text, facts, verified, mode: used, numbers } = answer;
        return {
          id: line.id,
          answered,
          answer: text,
          facts,
          verified,
          mode: used,
          numbers,
          ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
          ...(answer.related?.length ? { related: answer.related } : {}),
        };
      });
      return 0;
    }
    const answerLang = lang.value ?? session.lang;
    const answer = await answerer.answer({
      question,
      lang: answerLang,
      mode: mode.data,
      askerId: 'cli',
    });
    io.out(
      parsed.values.json ? JSON.stringify(answer, null, 2) : describeAnswer(answer, session.t, answerLang),
    );
    return 0;
  } finally {
    await store.close();
  }
};
