import type answer from '../locales/en/answer.json';
import type bot from '../locales/en/bot.json';
import type cli from '../locales/en/cli.json';
import type commands from '../locales/en/commands.json';
import type consoleWords from '../locales/en/console.json';
import type digest from '../locales/en/digest.json';
import type errors from '../locales/en/errors.json';
import type llm from '../locales/en/llm.json';
import type numbers from '../locales/en/numbers.json';
import type verify from '../locales/en/verify.json';

/** Every namespace of `locales/en`, the reference language: keys the code uses are checked against these. */
export interface LocaleResources {
  answer: typeof answer;
  bot: typeof bot;
  cli: typeof cli;
  commands: typeof commands;
  console: typeof consoleWords;
  digest: typeof digest;
  errors: typeof errors;
  llm: typeof llm;
  numbers: typeof numbers;
  verify: typeof verify;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: LocaleResources;
    defaultNS: false;
  }
}
