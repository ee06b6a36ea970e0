import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { ModalSpec, Reply } from '../../commands/index.ts';
import { NO_PINGS } from './client.ts';
import { type DiscordMessage, toDiscordMessages } from './embeds.ts';
import { toDiscordModal } from './modal.ts';

type Repliable = ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction;
export type ResponseState = 'fresh' | 'deferred' | 'replied' | 'modal';

const flagsOf = (ephemeral: boolean) => (ephemeral ? MessageFlags.Ephemeral : undefined);

/**
 * Answers one interaction whatever its state: the first reply, the edit of a deferred one, or a follow-up.
 * Operations run one after another, so the busy guard's deferral and a handler's reply never race.
 */
/** A reply's buttons as one action row under its first message (Discord allows five per row). */
/** A message as sent: its embeds, and the reply's buttons and files on the first one. */
type Outgoing = DiscordMessage & { components?: unknown[]; files?: Reply['files'] };

function withButtons(
  messages: DiscordMessage[],
  reply: Reply,
): Array<DiscordMessage & { components?: unknown[] }> {
  if (!reply.buttons?.length || !messages.length) return messages;
  const row = {
    type: 1,
    components: reply.buttons.slice(0, 5).map((button) => ({
      type: 2,
      style: 2,
      custom_id: button.customId.slice(0, 100),
      label: button.label.slice(0, 80),
    })),
  };
  const [first, ...rest] = messages;
  return [{ ...first!, components: [row] }, ...rest];
}

export class InteractionResponder {
  #state: ResponseState = 'fresh';
  #deferredEphemeral = false;
  #replies = 0;
  #queue: Promise<unknown> = Promise.resolve();

  /** `onAcknowledged` runs once, when the first reply, deferral or modal has reached Discord. */
  constructor(
    private readonly interaction: Repliable,
    private readonly onAcknowledged: () => void = () => undefined,
  ) {}

  get state(): ResponseState {
    return this.#state;
  }

  /** Whether the handler (or the router) has sent a reply; a deferral alone does not count. */
  get hasReplied(): boolean {
    return this.#replies > 0 || this.#state === 'modal';
  }

  #run<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      const fresh = this.#state === 'fresh';
      try {
        return await operation();
      } finally {
        if (fresh && this.#state !== 'fresh') this.onAcknowledged();
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Sends a reply, split into several messages when Discord's limits require it. */
  reply(reply: Reply): Promise<void> {
    return this.#run(async () => {
      const ephemeral = reply.ephemeral ?? false;
      const messages: Outgoing[] = withButtons(toDiscordMessages(reply), reply);
      if (reply.files?.length) messages[0] = { ...messages[0]!, files: reply.files };
      this.#replies++;
      if (this.#state === 'fresh') {
        const [first, ...rest] = messages;
        await this.interaction.reply({ ...this.#payload(first!), flags: flagsOf(ephemeral) });
        this.#state = 'replied';
        for (const message of rest) await this.#followUp(message, ephemeral);
      } else if (this.#state === 'deferred' && this.#deferredEphemeral === ephemeral && this.#replies === 1) {
        const [first, ...rest] = messages;
        await this.interaction.editReply(this.#payload(first!));
        this.#state = 'replied';
        for (const message of rest) await this.#followUp(message, ephemeral);
      } else if (this.#state === 'deferred' && this.#replies === 1) {
        // Deferred with the other visibility (the busy guard cannot know): post as a follow-up, drop the placeholder.
        for (const message of messages) await this.#followUp(message, ephemeral);
        this.#state = 'replied';
        await this.interaction.deleteReply().catch(() => undefined);
      } else {
        for (const message of messages) await this.#followUp(message, ephemeral);
      }
    });
  }

  /** Acknowledges now, replies later; does nothing once acknowledged. */
  defer(options: { ephemeral?: boolean } = {}): Promise<void> {
    return this.#run(() => this.#deferIfFresh(options.ephemeral ?? false));
  }

  /** The busy guard: defers publicly if nothing was sent yet; returns whether it did. */
  deferIfFresh(): Promise<boolean> {
    return this.#run(async () => {
      if (this.#state !== 'fresh') return false;
      await this.#deferIfFresh(false);
      return true;
    });
  }

  showModal(spec: ModalSpec): Promise<void> {
    return this.#run(async () => {
      if (this.#state !== 'fresh' || !('showModal' in this.interaction)) {
        throw new Error(`showModal after the interaction was ${this.#state}`);
      }
      await this.interaction.showModal(toDiscordModal(spec));
      this.#state = 'modal';
    });
  }

  async #deferIfFresh(ephemeral: boolean): Promise<void> {
    if (this.#state !== 'fresh') return;
    await this.interaction.deferReply({ flags: flagsOf(ephemeral) });
    this.#state = 'deferred';
    this.#deferredEphemeral = ephemeral;
  }

  async #followUp(message: Outgoing, ephemeral: boolean): Promise<void> {
    await this.interaction.followUp({ ...this.#payload(message), flags: flagsOf(ephemeral) });
  }

  #payload(message: Outgoing) {
    const files = (message.files ?? []).map((file) => ({
      attachment: Buffer.from(file.data),
      name: file.name,
      description: file.description,
    }));
    return {
      content: message.content ?? '',
      embeds: message.embeds,
      ...(message.components ? { components: message.components as never } : {}),
      ...(files.length ? { files } : {}),
      allowedMentions: NO_PINGS,
    };
  }
}
