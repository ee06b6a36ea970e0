import type { ParseArgsConfig } from 'node:util';
import { type CliSession, startCli } from './context.ts';
import type { CliIo } from './io.ts';
import { parseCli, USAGE } from './parse.ts';

type Options = NonNullable<ParseArgsConfig['options']> & { lang: { type: 'string' } };

/**
 * The common opening of a subcommand that needs one argument (`facts show <id>`, `facts import <file>`): options
 * parsed, session started, the argument present. Returns the exit code when it cannot go on.
 */
export async function startWithArgument<T extends Options>(
  args: string[],
  options: T,
  io: CliIo,
  missingKey: 'cli:facts.needsId' | 'cli:facts.needsFile' | 'cli:draft.needsFile',
) {
  const parsed = await parseCli(args, options, io);
  if (!parsed) return USAGE;
  const lang = (parsed.values as { lang?: string }).lang;
  const session: CliSession | undefined = await startCli(io, lang);
  if (!session) return USAGE;
  const [argument] = parsed.positionals;
  if (!argument) {
    io.err(session.t(missingKey));
    return USAGE;
  }
  return { values: parsed.values, session, argument };
}
