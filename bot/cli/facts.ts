import { startCli } from './context.ts';
import type { Subcommand } from './io.ts';

/** `briefing facts <action>`: each action in its own file. */
const ACTIONS: Record<string, () => Promise<{ run: Subcommand }>> = {
  list: () => import('./facts-list.ts'),
  show: () => import('./facts-show.ts'),
  history: () => import('./facts-history.ts'),
  export: () => import('./facts-export.ts'),
  validate: () => import('./facts-validate.ts'),
  import: () => import('./facts-import.ts'),
  draft: () => import('./facts-draft.ts'),
};

export const run: Subcommand = async (args, io) => {
  const [action, ...rest] = args;
  const load = action && Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!load) {
    const session = await startCli(io);
    io.err(session?.t('cli:facts.usage', { actions: Object.keys(ACTIONS).join(' | ') }) ?? '');
    return 2;
  }
  const { run: runAction } = await load();
  return runAction(rest, io);
};
