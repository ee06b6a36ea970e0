import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { i18n } from 'i18next';
import type { Command, CommandContext, CommandOptions, Services } from '../../commands/index.ts';
import { truncate } from '../../commands/render/text.ts';
import type { Lang } from '../../facts/schema/index.ts';
import { type RunTarget, runCommand } from '../app/run-command.ts';
import { asTranslate, fixedT, type Translator } from '../i18n.ts';
import { resolveReplyLang } from '../lang.ts';
import type { Logger } from '../log.ts';
import { type AdmissionLimits, createAdmissionGate, createCreationClock, createTurns } from './admission.ts';
import { readModalFields } from './modal.ts';
import { NO_OPTIONS, readDiscordOptions } from './options.ts';
import { isModeratorMember } from './permissions.ts';
import { answerUnreadable, createBusyLog } from './refusals.ts';
import { InteractionResponder } from './responder.ts';

export interface RouterOptions {
  commands: readonly Command[];
  services: Services;
  i18n: i18n;
  log: Logger;
  /** When the router defers on a slow handler's behalf; Discord drops interactions not acknowledged in 3 s. */
  busyAfterMs?: number;
  /** How many slash commands run unacknowledged at once, wait, and for how long, before "busy" replies. */
  admission?: Partial<AdmissionLimits>;
}

export interface InteractionRouter {
  /** The `interactionCreate` listener: never throws, never rejects. */
  handle(interaction: Interaction): Promise<void>;
  /** Answers, on this client, the interactions the gateway delivers but discord.js cannot read. */
  watch(client: Client): void;
  /** Waits for the interactions in progress, at most `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

/** Discord's limits for autocomplete answers. */
const AUTOCOMPLETE_LIMITS = { choices: 25, name: 100, value: 100 } as const;

/** Past 32 commands at work, 200 waiting, or 2 s since Discord created it, a user is told the bot is busy: a refusal still
 * leaves within Discord's 3 s, and a slow handler is deferred for at 2.5 s. */
const ADMISSION_DEFAULTS: AdmissionLimits = { maxActive: 32, maxQueued: 200, maxWaitMs: 2000 };

/**
 * Routes Discord interactions to the shared command handlers: slash commands, autocomplete and modal submits.
 * Every interaction is acknowledged within Discord's 3 s: if a handler has neither replied nor deferred after
 * `busyAfterMs` (2.5 s), the router defers for it and the handler's reply then edits the deferred message.
 * A burst larger than the bot can answer in time is bounded by an admission gate: the commands past it get an
 * ephemeral "busy" reply in the user's language at once, instead of every interaction running late.
 */
export function createInteractionRouter(options: RouterOptions): InteractionRouter {
  const { services, log } = options;
  const busyAfterMs = options.busyAfterMs ?? 2500;
  const byName = new Map(options.commands.map((command) => [command.data.name, command]));
  const inFlight = new Set<Promise<void>>();
  const limits = { ...ADMISSION_DEFAULTS, ...options.admission };
  const gate = createAdmissionGate(limits);
  const createdAt = createCreationClock();
  const busyLog = createBusyLog(log);
  const turn = createTurns();
  /** Interactions handed over since their gateway packet, until the unreadable-interaction watcher checks them. */
  const recent = new Set<string>();
  let watching = false;
  const isIdle = () => {
    const { active, queued } = gate.load();
    return active === 0 && queued === 0 && inFlight.size === 0;
  };

  const langOf = (interaction: Interaction) =>
    resolveReplyLang({
      userChoice: services.settings.getUserLang(interaction.user.id),
      discordLocale: interaction.locale,
      ...(interaction.guildId ? { guildLang: services.settings.getGuild(interaction.guildId).lang } : {}),
    });
  const busyTexts = new Map<Lang, string>();
  const busyText = (lang: Lang) => {
    const known = busyTexts.get(lang);
    if (known !== undefined) return known;
    const text = fixedT(options.i18n, lang)('bot:busy');
    busyTexts.set(lang, text);
    return text;
  };

  const contextFor = (
    interaction:
      | ChatInputCommandInteraction
      | AutocompleteInteraction
      | ModalSubmitInteraction
      | ButtonInteraction,
    commandOptions: CommandOptions,
    responder?: InteractionResponder,
  ): { ctx: CommandContext; t: Translator } => {
    const guildId = interaction.guildId ?? undefined;
    const lang = langOf(interaction);
    const t = fixedT(options.i18n, lang);
    const unavailable = () => Promise.reject(new Error('not available in autocomplete'));
    const ctx: CommandContext = {
      lang,
      t: asTranslate(t),
      user: { id: interaction.user.id, name: interaction.user.username },
      ...(guildId ? { guildId } : {}),
      ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
      isModerator: isModeratorMember(interaction, services.settings),
      options: commandOptions,
      services,
      reply: responder ? (reply) => responder.reply(reply) : unavailable,
      defer: responder ? (deferOptions) => responder.defer(deferOptions) : unavailable,
      showModal: responder ? (modal) => responder.showModal(modal) : unavailable,
    };
    return { ctx, t };
  };

  /**
   * Runs a handler with the busy guard armed; errors become ephemeral localized replies. A slash command waits
   * for its turn in the admission gate, or is told the bot is busy; a modal submit (a moderator's typed form,
   * lost if refused) always runs at once.
   */
  const runGuarded = async (
    interaction: ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction,
    receivedAt: number,
    command: Command | undefined,
    commandName: string,
    commandOptions: CommandOptions,
    call: (command: Command, ctx: CommandContext) => Promise<void>,
  ) => {
    let admission = interaction.isModalSubmit()
      ? ({ admitted: true, release: () => undefined } as const)
      : await gate.admit(receivedAt);
    if (admission.admitted && !interaction.isModalSubmit()) {
      // One piece of work per turn of the loop, so replies and refusals keep flowing between them; a command
      // whose turn comes too late is told the bot is busy while it can still be told.
      await turn();
      if (Date.now() - receivedAt > limits.maxWaitMs) {
        admission.release();
        admission = { admitted: false };
      }
    }
    const responder = new InteractionResponder(
      interaction,
      admission.admitted ? admission.release : undefined,
    );
    if (!admission.admitted) {
      // The refusal is the cheapest reply there is: in a burst, thousands of them must leave within seconds.
      busyLog(commandName, gate.load());
      await responder
        .reply({ content: busyText(langOf(interaction)), ephemeral: true })
        .catch((error) => log.warn('reply.failed', { command: commandName, ref: interaction.id, error }));
      return;
    }
    const { ctx, t } = contextFor(interaction, commandOptions, responder);
    const guard = setTimeout(
      () => {
        void responder
          .deferIfFresh()
          .then(
            (deferred) =>
              deferred &&
              log.info('interaction.busyDeferred', { command: commandName, afterMs: busyAfterMs }),
          )
          .catch((error) => log.warn('interaction.deferFailed', { command: commandName, error }));
      },
      Math.max(0, busyAfterMs - (Date.now() - receivedAt)),
    );
    const target: RunTarget = {
      ctx,
      t,
      commandName,
      hasReplied: () => responder.hasReplied,
      log,
      ref: interaction.id,
    };
    try {
      await runCommand(command, target, call);
    } finally {
      clearTimeout(guard);
      admission.release();
    }
  };

  const onAutocomplete = async (interaction: AutocompleteInteraction) => {
    const command = byName.get(interaction.commandName);
    let choices: { name: string; value: string }[] = [];
    try {
      if (command?.autocomplete) {
        const { ctx } = contextFor(interaction, readDiscordOptions(interaction));
        const timeout = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('autocomplete too slow')), busyAfterMs).unref(),
        );
        choices = await Promise.race([command.autocomplete(ctx), timeout]);
      }
    } catch (error) {
      log.warn('autocomplete.failed', { command: interaction.commandName, error });
    }
    const answer = choices.slice(0, AUTOCOMPLETE_LIMITS.choices).map((choice) => ({
      name: truncate(choice.name, AUTOCOMPLETE_LIMITS.name),
      value: choice.value.slice(0, AUTOCOMPLETE_LIMITS.value),
    }));
    if (!interaction.responded) await interaction.respond(answer);
  };

  /** The command whose button this is (`<command>:…`); none for an old message's button. */
  const buttonOwner = (customId: string): Command | undefined => {
    const command = byName.get(customId.split(':')[0] ?? '');
    return command?.pressButton ? command : undefined;
  };

  const dispatch = async (interaction: Interaction, receivedAt: number) => {
    if (interaction.isChatInputCommand()) {
      const command = byName.get(interaction.commandName);
      await runGuarded(
        interaction,
        receivedAt,
        command,
        interaction.commandName,
        readDiscordOptions(interaction),
        (found, ctx) => found.execute(ctx),
      );
    } else if (interaction.isAutocomplete()) {
      await onAutocomplete(interaction);
    } else if (interaction.isButton() && buttonOwner(interaction.customId)) {
      const customId = interaction.customId;
      await runGuarded(
        interaction,
        receivedAt,
        buttonOwner(customId),
        customId.split(':')[0] ?? '',
        NO_OPTIONS,
        (found, ctx) => found.pressButton!(ctx, customId),
      );
    } else if (interaction.isMessageComponent()) {
      // A menu, or a button of no command (an old message), still deserves an answer.
      const lang = langOf(interaction);
      await interaction
        .reply({
          content: fixedT(options.i18n, lang)('bot:refused.unknownComponent'),
          flags: MessageFlags.Ephemeral,
        })
        .catch((error) => log.warn('reply.failed', { ref: interaction.id, error }));
    } else if (interaction.isModalSubmit()) {
      const customId = interaction.customId;
      const name = customId.split(':')[0] ?? '';
      const command = byName.get(name);
      const fields = readModalFields(interaction);
      await runGuarded(
        interaction,
        receivedAt,
        command?.submitModal ? command : undefined,
        name,
        NO_OPTIONS,
        (found, ctx) => found.submitModal!(ctx, customId, fields),
      );
    }
  };

  return {
    // Each id is looked up once, by the watcher, the turn after its packet: no set grows, whatever the burst.
    watch: (client) => {
      watching = true;
      answerUnreadable(client, (id) => recent.delete(id), options.i18n, log);
    },
    handle: (interaction) => {
      const started = Date.now();
      if (watching) recent.add(interaction.id);
      const work = dispatch(interaction, createdAt(interaction.createdTimestamp, isIdle(), started))
        .catch((error) =>
          log.error('interaction.failed', { id: interaction.id, type: interaction.type, error }),
        )
        .finally(() => {
          inFlight.delete(work);
          log.debug('interaction.done', {
            id: interaction.id,
            type: interaction.type,
            ms: Date.now() - started,
          });
        });
      inFlight.add(work);
      return work;
    },
    drain: async (timeoutMs) => {
      const timeout = new Promise<void>((done) => setTimeout(done, timeoutMs).unref());
      await Promise.race([Promise.allSettled([...inFlight]).then(() => undefined), timeout]);
    },
  };
}
