import { ask } from './ask.ts';
import { chart } from './chart.ts';
import { digest } from './digest.ts';
import { fact } from './fact.ts';
import { facts } from './facts.ts';
import type { Command } from './index.ts';
import { lang } from './lang.ts';
import { quote } from './quote.ts';
import { settings } from './settings.ts';
import { sources } from './sources.ts';

/** Every slash command, in the order Discord lists them: readers' commands first, then the moderators'. */
export const commands: readonly Command[] = [ask, fact, chart, quote, sources, digest, lang, facts, settings];
