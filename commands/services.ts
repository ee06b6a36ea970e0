import type { Answerer, AnswerSubject } from '../facts/answer/types.ts';
import type { Lang } from '../facts/schema/index.ts';
import type { FactSearchIndex } from '../facts/search/index.ts';
import type { SettingsRepository } from '../facts/settings.ts';
import type { FactRepository } from '../facts/store/index.ts';
import type { ReplyEmbed } from './index.ts';

/** A digest as it would be posted: one or more embeds per language, with what backs its numbers. */
export interface DigestPreview {
  lang: Lang;
  embeds: ReplyEmbed[];
  facts: string[];
  verified: boolean;
}

/** Events worth a log line; handlers report, the composition root decides where lines go. */
export interface EventLog {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** The subject of each reader's last question in a channel, kept a while, so a follow-up can reuse it. */
export interface FollowUpMemory {
  recall(userId: string, channelId: string | undefined): AnswerSubject | undefined;
  /** Remembers the subject of the question just answered (one naming no subject clears the memory). */
  remember(userId: string, channelId: string | undefined, subject: AnswerSubject): void;
}

/** The outside world as commands see it. `bot/` fills it in; tests fill it with real pieces on temp files. */
export interface Services {
  store: FactRepository;
  search: FactSearchIndex;
  answerer: Answerer;
  settings: SettingsRepository;
  /**
   * Today's digest for a server (or the default settings outside one), in one language. `askerId` counts an LLM
   * preview against that user's LLM limit, as `/ask` does.
   */
  previewDigest(guildId: string | undefined, lang: Lang, askerId?: string): Promise<DigestPreview[]>;
  /** Whether an LLM is configured (a key is set). */
  llmAvailable: boolean;
  /** Follow-up memory for `/ask`; without it every question stands alone. */
  followUps?: FollowUpMemory;
  now(): Date;
  log: EventLog;
}
