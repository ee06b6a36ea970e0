import { type ParseArgsConfig, parseArgs } from 'node:util';
import { translator } from '../i18n.ts';
import { cliLang } from './context.ts';
import type { CliIo } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs that reports a usage error in the terminal's language instead of throwing. */
export async function parseCli<T extends Options>(args: string[], options: T, io: CliIo) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const t = await translator(cliLang(undefined, io.env));
    io.err(t('cli:badUsage', { message: error instanceof Error ? error.message : String(error) }));
    return undefined;
  }
}

/** Exit code for a usage error. */
export const USAGE = 2;
