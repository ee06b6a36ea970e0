import type { ErrorCode, Failure, FailureDetail } from '../facts/result.ts';
import type { Lang } from '../facts/schema/index.ts';
import type { Services } from './services.ts';

/** Looks up a key in `locales/<lang>/*.json` for the reply's language; `ns:key.path`. */
export type { Translate } from '../facts/answer/types.ts';
export type { Services } from './services.ts';

import type { Translate } from '../facts/answer/types.ts';

/** An option of a slash command. Its description and localized names are `commands:<command>.options.<name>.*`. */
export interface OptionDefinition {
  name: string;
  type: 'string' | 'integer' | 'boolean' | 'channel' | 'role';
  required?: boolean;
  autocomplete?: boolean;
  /** Fixed choices; each label is `commands:<command>.choices.<value>`. */
  choices?: readonly string[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

export interface SubcommandDefinition {
  name: string;
  options?: readonly OptionDefinition[];
  /**
   * A group of subcommands (`/facts entity add`): its words are `commands:<command>.subcommands.<group>.*`, its
   * subcommands' `…<group>.subcommands.<sub>.*`, and a handler reads `options.subcommand` as `"<group> <sub>"`.
   */
  subcommands?: readonly SubcommandDefinition[];
}

/** What Discord registers (and the console completes): an ASCII name; words come from locales. */
export interface CommandDefinition {
  name: string;
  /** Manage Server or the server's moderator role; checked again on the server side for every call. */
  moderatorOnly?: boolean;
  /** Only meaningful in a server (settings, moderation). */
  guildOnly?: boolean;
  options?: readonly OptionDefinition[];
  subcommands?: readonly SubcommandDefinition[];
}

/** A block of a reply: rendered as a Discord embed, or as text in the console. */
export interface ReplyEmbed {
  title?: string;
  description?: string;
  fields?: readonly { name: string; value: string; inline?: boolean }[];
  footer?: string;
  color?: number;
}

/** A file sent with a reply (a chart's PNG); `description` is the alt text screen readers read. */
export interface ReplyFile {
  name: string;
  data: Uint8Array;
  description: string;
}

/** A button under a reply; a click reaches the command's `pressButton` with this customId (`<command>:…`). */
export interface ReplyButton {
  customId: string;
  label: string;
}

export interface Reply {
  content?: string;
  embeds?: readonly ReplyEmbed[];
  /** Attached to the first message of the reply. */
  files?: readonly ReplyFile[];
  /** At most five, shown under the (first) message: on Discord as buttons, in the console as `/press` lines. */
  buttons?: readonly ReplyButton[];
  /** Seen only by the asker. */
  ephemeral?: boolean;
}

export interface ModalField {
  customId: string;
  label: string;
  value?: string;
  style: 'short' | 'paragraph';
  required?: boolean;
  maxLength?: number;
}

export interface ModalSpec {
  customId: string;
  title: string;
  fields: readonly ModalField[];
}

export interface Choice {
  name: string;
  value: string;
}

/** The options the user gave, as the transport parsed them. */
export interface CommandOptions {
  subcommand?: string;
  string(name: string): string | undefined;
  integer(name: string): number | undefined;
  boolean(name: string): boolean | undefined;
  /** The option being typed, for autocomplete. */
  focused?: { name: string; value: string };
}

/** Everything a handler may use: who asks, in which language, and the services. Transports fill it in. */
export interface CommandContext {
  lang: Lang;
  t: Translate;
  user: { id: string; name: string };
  guildId?: string;
  channelId?: string;
  /** Computed by the transport from the member's permissions and the server's moderator role. */
  isModerator: boolean;
  options: CommandOptions;
  services: Services;
  /** Sends the reply (or edits the deferred one). Mentions never ping. */
  reply(reply: Reply): Promise<void>;
  /** Acknowledges now and replies later (Discord's 3-second rule). */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  showModal(modal: ModalSpec): Promise<void>;
}

/** A slash command: its definition and its handlers. One per file under commands/. */
export interface Command {
  data: CommandDefinition;
  execute(ctx: CommandContext): Promise<void>;
  autocomplete?(ctx: CommandContext): Promise<Choice[]>;
  /** A submitted modal whose customId starts with `<command name>:`. */
  submitModal?(ctx: CommandContext, customId: string, fields: Record<string, string>): Promise<void>;
  /** A pressed button whose customId starts with `<command name>:`; it may reply or show a modal. */
  pressButton?(ctx: CommandContext, customId: string): Promise<void>;
}

/** An expected failure raised by a handler; the router turns its code into a localized ephemeral reply. */
export class CommandError extends Error {
  /** Offered under the error reply: a refused form's "reopen with what you typed". */
  buttons: readonly ReplyButton[] = [];

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details: readonly FailureDetail[] = [],
  ) {
    super(code);
  }

  withButtons(buttons: readonly ReplyButton[]): this {
    this.buttons = buttons;
    return this;
  }

  static from(failure: Failure): CommandError {
    return new CommandError(failure.code, failure.params, failure.details);
  }
}
