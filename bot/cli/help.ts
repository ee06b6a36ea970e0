import { asTranslate, translator } from '../i18n.ts';
import { cliLang } from './context.ts';
import type { CliIo } from './io.ts';

/** `--help` or `-h` before any `--`: the subcommand prints its usage instead of running. */
export const asksForHelp = (args: readonly string[]): boolean => optionsOf(args).some(isHelpFlag);

export const isHelpFlag = (arg: string): boolean => arg === '--help' || arg === '-h';

const optionsOf = (args: readonly string[]): readonly string[] => {
  const end = args.indexOf('--');
  return end === -1 ? args : args.slice(0, end);
};

/** The value of `--lang x` or `--lang=x` among the arguments, so help follows the language asked for. */
function langFlag(args: readonly string[]): string | undefined {
  const options = optionsOf(args);
  const at = options.indexOf('--lang');
  if (at !== -1) return options[at + 1];
  return options.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
}

/**
 * `briefing --help` (every subcommand, one line each) or `briefing <subcommand> --help` (its synopsis and what it
 * does), in the CLI's language. Help was asked for, so it goes to stdout and the exit code is 0.
 */
export async function printHelp(
  name: string | undefined,
  names: readonly string[],
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  // Subcommand names are data here: the locale-key test checks their keys.
  const t = asTranslate(await translator(cliLang(langFlag(args), io.env)));
  if (name) {
    io.out([t(`cli:synopsis.${name}`), '', t(`cli:help.${name}`)].join('\n'));
    return 0;
  }
  const width = Math.max(...names.map((each) => each.length));
  const lines = names.map((each) => `  ${each.padEnd(width)}  ${t(`cli:help.${each}`)}`);
  io.out(
    [t('cli:synopsis.main'), '', t('cli:overview.subcommands'), ...lines, '', t('cli:helpMore')].join('\n'),
  );
  return 0;
}
