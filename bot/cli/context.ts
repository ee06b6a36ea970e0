import { type Failure, fail, type Result } from '../../facts/result.ts';
import { type Lang, LangSchema } from '../../facts/schema/index.ts';
import type { FactRepository } from '../../facts/store/index.ts';
import { type Config, readConfig } from '../config.ts';
import { describeFailure, describeProblem } from '../errors.ts';
import { type Translator, translator } from '../i18n.ts';
import { openFactStore } from '../open-store.ts';
import type { CliIo } from './io.ts';

/** The CLI's language: `--lang`, else BRIEFING_LANG, else the terminal's locale, else English. */
export function cliLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const explicit = LangSchema.safeParse(flag ?? env.BRIEFING_LANG);
  if (explicit.success) return explicit.data;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export interface CliSession {
  config: Config;
  lang: Lang;
  t: Translator;
  report: (failure: Failure) => number;
}

/** Reads the configuration and the language; on a bad environment, says what is wrong and returns no session. */
export async function startCli(io: CliIo, langFlag?: string): Promise<CliSession | undefined> {
  const lang = cliLang(langFlag, io.env);
  const t = await translator(lang);
  const config = readConfig(io.env);
  if (!config.ok) {
    const problems = config.problems.map((problem) => describeProblem(problem, t));
    io.err(t('cli:badConfig', { problems: problems.join('\n  ') }));
    return undefined;
  }
  const report = (failure: Failure) => {
    io.err(describeFailure(failure, t));
    return 1;
  };
  return { config: config.config, lang, t, report };
}

/** Opens the fact store of the session; a refusal (corrupt file…) is reported and yields no store. */
export async function openCliStore(session: CliSession, io: CliIo): Promise<FactRepository | undefined> {
  const opened = await openFactStore(session.config);
  if (!opened.ok) {
    session.report(opened);
    return undefined;
  }
  for (const warning of opened.value.warnings) io.err(session.t('cli:storeWarning', { warning }));
  return opened.value.store;
}

/** Lang flag validation shared by subcommands: a wrong value is a usage error. */
export function parseLangFlag(value: string | undefined): Result<Lang | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  const parsed = LangSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : fail('badLang', { value });
}
