import { type ParseArgsConfig, parseArgs } from 'node:util';
import { translator } from '../i18n.ts';
import { cliLang } from './context.ts';
import type { CliIo } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs' error codes, worded in `locales/<lng>/cli.json` instead of Node's English. */
const PARSE_ERRORS: Record<string, 'badOption' | 'badOptionValue' | 'badPositional'> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'badOption',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: 'badOptionValue',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'badPositional',
};

/** node:util parseArgs that reports a usage error in the terminal's language instead of throwing. */
export async function parseCli<T extends Options>(args: string[], options: T, io: CliIo) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const t = await translator(cliLang(undefined, io.env));
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const key = code ? PARSE_ERRORS[code] : undefined;
    // Node names the culprit in quotes: `Unknown option '--x'`, `Option '--lang <value>' argument missing`.
    const culprit = /'([^']+)'/.exec(message)?.[1] ?? '';
    const option = culprit.split(' ')[0];
    io.err(key ? t(`cli:${key}`, { option, value: culprit }) : t('cli:badUsage', { message }));
    return undefined;
  }
}

/** Exit code for a usage error. */
export const USAGE = 2;
