import { type Command, type CommandContext, CommandError } from '../../commands/index.ts';
import type { ErrorCode } from '../../facts/result.ts';
import { describeFailure } from '../errors.ts';
import type { Translator } from '../i18n.ts';
import type { Logger } from '../log.ts';

/** What running a command needs from a transport (Discord or the console). */
export interface RunTarget {
  ctx: CommandContext;
  t: Translator;
  commandName: string;
  /** Whether a reply (or a modal) went out; a handler that sent nothing gets a generic reply. */
  hasReplied(): boolean;
  log: Logger;
  /** A reference the user can quote and the log holds (the interaction id). */
  ref: string;
}

export type RunOutcome = 'ok' | 'refused' | 'failed' | 'crashed';

/** The notice a moderator gets once, after a command, when something went wrong unattended (a digest…). */
async function showPendingNotice(target: RunTarget): Promise<void> {
  const { ctx, t } = target;
  if (!ctx.isModerator || !ctx.guildId) return;
  // Written by the digest scheduler from its own failure codes.
  const notice = ctx.services.settings.getGuild(ctx.guildId).pendingNotice;
  if (!notice) return;
  await ctx.reply({
    content: t('bot:notice', { message: describeFailure({ ok: false, code: notice as ErrorCode }, t) }),
    ephemeral: true,
  });
  await ctx.services.settings.updateGuild(ctx.guildId, { pendingNotice: undefined });
}

/**
 * Shared by both transports: refuses what the user may not run (server-only, moderator-only) before the handler
 * sees it, runs the handler, and turns failures into ephemeral replies in the user's language. An expected
 * failure (CommandError) is described from `errors:<code>`; anything else is logged with the command and gets a
 * generic reply. Never throws.
 */
export async function runCommand(
  command: Command | undefined,
  target: RunTarget,
  call: (command: Command, ctx: CommandContext) => Promise<void>,
): Promise<RunOutcome> {
  const { ctx, t, log, commandName } = target;
  const where = {
    command: commandName,
    subcommand: ctx.options.subcommand,
    user: ctx.user.id,
    guild: ctx.guildId,
  };
  const answer = async (content: string, buttons?: CommandError['buttons']) => {
    try {
      await ctx.reply({ content, ephemeral: true, ...(buttons?.length ? { buttons } : {}) });
    } catch (error) {
      log.warn('reply.failed', { ...where, ref: target.ref, error });
    }
  };
  if (!command) {
    log.warn('command.unknown', where);
    await answer(t('bot:refused.unknownCommand', { name: commandName }));
    return 'failed';
  }
  if (command.data.guildOnly && !ctx.guildId) {
    await answer(t('bot:refused.guildOnly'));
    return 'refused';
  }
  if (command.data.moderatorOnly && !ctx.isModerator) {
    log.info('command.refused', { ...where, reason: 'notModerator' });
    await answer(describeFailure({ ok: false, code: 'notModerator' }, t));
    return 'refused';
  }
  try {
    await call(command, ctx);
    if (!target.hasReplied()) {
      log.warn('command.noReply', where);
      await answer(t('bot:failure.noReply'));
    }
    await showPendingNotice(target);
    return 'ok';
  } catch (error) {
    if (error instanceof CommandError) {
      log.info('command.failed', { ...where, code: error.code, params: error.params });
      await answer(
        describeFailure({ ok: false, code: error.code, params: error.params, details: error.details }, t),
        error.buttons,
      );
      return 'failed';
    }
    log.error('command.crashed', { ...where, ref: target.ref, error });
    await answer(t('bot:failure.unexpected', { ref: target.ref }));
    return 'crashed';
  }
}
