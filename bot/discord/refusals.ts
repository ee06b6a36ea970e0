import { type Client, Events, Routes } from 'discord.js';
import type { i18n } from 'i18next';
import { resolveReplyLang } from '../lang.ts';
import type { Logger } from '../log.ts';

/**
 * One warning per second at most for the users told the bot is busy, with how many: in a burst, a line per
 * refusal would itself take the time the bot needs to refuse the others promptly.
 */
export function createBusyLog(
  log: Logger,
): (command: string, load: { active: number; queued: number }) => void {
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  return (command, load) => {
    count++;
    if (timer) return;
    log.warn('interaction.busy', { command, ...load });
    count = 0;
    timer = setTimeout(() => {
      timer = undefined;
      if (count) log.warn('interaction.busy', { more: count, ...load });
      count = 0;
    }, 1000);
    timer.unref();
  };
}

interface RawInteraction {
  id?: string;
  token?: string;
  locale?: string;
}

/**
 * Answers the interactions discord.js could not read (a malformed field, such as a permissions string that is not
 * a number, makes it throw before any handler runs): each INTERACTION_CREATE the gateway delivers that the router
 * did not receive by the next turn gets an ephemeral reply in the user's language, sent with the bare REST client.
 */
export function answerUnreadable(
  client: Client,
  handled: (id: string) => boolean,
  i18n: i18n,
  log: Logger,
): void {
  client.on(Events.Raw, (packet: { t?: string; d?: RawInteraction }) => {
    if (packet.t !== 'INTERACTION_CREATE' || !client.isReady()) return;
    const { id, token, locale } = packet.d ?? {};
    if (typeof id !== 'string' || typeof token !== 'string') return;
    setImmediate(() => {
      if (handled(id)) return;
      const lang = resolveReplyLang({ userChoice: 'auto', discordLocale: locale ?? '' });
      const content = i18n.getFixedT(lang)('bot:refused.unreadable', { ref: id });
      log.warn('interaction.unreadable', { ref: id });
      client.rest
        .post(Routes.interactionCallback(id, token), {
          body: { type: 4, data: { content, flags: 64, allowed_mentions: { parse: [] } } },
          auth: false,
        })
        .catch((error: unknown) => log.warn('reply.failed', { ref: id, error }));
    });
  });
}
