import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../bot/app/run-command.ts';
import { asTranslate, type Translator, translator } from '../../bot/i18n.ts';
import { silentLogger } from '../../bot/log.ts';
import { openSettingsStore } from '../../bot/settings-store.ts';
import {
  type Choice,
  type Command,
  type CommandContext,
  CommandError,
  type CommandOptions,
  type ModalSpec,
  type Reply,
} from '../../commands/index.ts';
import type { DigestPreview, Services } from '../../commands/services.ts';
import { createAnswerer } from '../../facts/answer/index.ts';
import type { Answerer } from '../../facts/answer/types.ts';
import type { Lang } from '../../facts/schema/index.ts';
import { createFactIndex, selectFacts } from '../../facts/search/index.ts';
import { loadSeed } from '../../facts/seed/index.ts';
import { openMemoryStore } from '../../facts/store/index.ts';

/** A log line a handler wrote through `services.log`. */
export interface LogLine {
  level: 'info' | 'warn' | 'error';
  event: string;
  fields: Record<string, unknown>;
}

/** Everything a handler sent back, in order. */
export interface Recording {
  replies: Reply[];
  deferrals: { ephemeral?: boolean }[];
  modals: ModalSpec[];
}

export interface RecordingContext extends CommandContext {
  recorded: Recording;
  /** The last reply, or a failure when there is none. */
  lastReply(): Reply;
}

export type OptionValues = Record<string, string | number | boolean | undefined>;

export interface ContextInput {
  lang?: Lang;
  userId?: string;
  isModerator?: boolean;
  /** `null` for a direct message or the console; a fixed test server otherwise. */
  guildId?: string | null;
  subcommand?: string;
  options?: OptionValues;
  focused?: { name: string; value: string };
}

/** A fixed server and two moderators, so four-eyes rules can be exercised. */
export const TEST_GUILD = '111111111111111111';
export const MODERATOR_A = '222222222222222222';
export const MODERATOR_B = '333333333333333333';
export const MEMBER = '444444444444444444';

/** The options a transport would have parsed, typed the way Discord types them. */
export function optionsOf(
  values: OptionValues = {},
  subcommand?: string,
  focused?: ContextInput['focused'],
): CommandOptions {
  const read = <T>(name: string, type: string) =>
    typeof values[name] === type ? (values[name] as T) : undefined;
  return {
    ...(subcommand ? { subcommand } : {}),
    string: (name) => read<string>(name, 'string'),
    integer: (name) => read<number>(name, 'number'),
    boolean: (name) => read<boolean>(name, 'boolean'),
    ...(focused ? { focused } : {}),
  };
}

export interface TestWorld {
  services: Services;
  logs: LogLine[];
  /** Digest previews asked for, by server and language. */
  digestRequests: { guildId: string | undefined; lang: Lang }[];
  translators: Record<Lang, Translator>;
  context(input?: ContextInput): RecordingContext;
}

export interface WorldOptions {
  llmAvailable?: boolean;
  fourEyes?: boolean;
  /** Replaces the real answer engine (for a deferred LLM answer, say). */
  answerer?: Answerer;
  now?: () => Date;
}

/**
 * Real pieces wired the way `bot/` wires them: the memory store seeded with the embedded dataset, the real search
 * index and answer engine, the settings store on a temp folder, and i18next translators over `locales/`.
 * Only the digest preview is a test double: it returns one labelled embed and records the request.
 */
export async function createTestWorld(options: WorldOptions = {}): Promise<TestWorld> {
  const now = options.now ?? (() => new Date('2025-11-20T09:00:00.000Z'));
  const store = openMemoryStore(loadSeed, { fourEyes: options.fourEyes ?? true, now });
  const search = createFactIndex(store.listFacts(), store.listEntities());
  const settings = await openSettingsStore(mkdtempSync(join(tmpdir(), 'briefing-commands-')));
  if (!settings.ok) throw new Error(`settings store: ${settings.code}`);
  const translators = { fr: await translator('fr'), en: await translator('en') };
  const logs: LogLine[] = [];
  const logAt =
    (level: LogLine['level']) =>
    (event: string, fields: Record<string, unknown> = {}) =>
      void logs.push({ level, event, fields });
  const log = { info: logAt('info'), warn: logAt('warn'), error: logAt('error') };
  const answerer =
    options.answerer ??
    createAnswerer({
      getFact: (id) => store.getFact(id),
      entities: () => store.listEntities(),
      select: (question, lang) => selectFacts(search, question, lang),
      translate: (lang) => asTranslate(translators[lang]),
      log,
    });
  const digestRequests: TestWorld['digestRequests'] = [];
  const previewDigest = async (guildId: string | undefined, lang: Lang): Promise<DigestPreview[]> => {
    digestRequests.push({ guildId, lang });
    return [{ lang, embeds: [{ title: `test digest ${lang}` }], facts: [], verified: true }];
  };
  const services: Services = {
    store,
    search,
    answerer,
    settings: settings.value,
    previewDigest,
    llmAvailable: options.llmAvailable ?? false,
    now,
    log,
  };

  const context = (input: ContextInput = {}): RecordingContext => {
    const lang = input.lang ?? 'en';
    const t = translators[lang];
    const recorded: Recording = { replies: [], deferrals: [], modals: [] };
    const guildId = input.guildId === null ? undefined : (input.guildId ?? TEST_GUILD);
    return {
      lang,
      t: asTranslate(t),
      user: { id: input.userId ?? MEMBER, name: 'tester' },
      ...(guildId ? { guildId } : {}),
      channelId: '555555555555555555',
      isModerator: input.isModerator ?? false,
      options: optionsOf(input.options, input.subcommand, input.focused),
      services,
      recorded,
      reply: async (reply) => void recorded.replies.push(reply),
      defer: async (deferOptions) => void recorded.deferrals.push(deferOptions ?? {}),
      showModal: async (modal) => void recorded.modals.push(modal),
      lastReply: () => {
        const last = recorded.replies.at(-1);
        if (!last) throw new Error('the handler sent no reply');
        return last;
      },
    };
  };
  return { services, logs, digestRequests, translators, context };
}

export type Outcome = { ok: true } | { ok: false; error: CommandError };

/**
 * Runs a handler through the production runner (bot/app/run-command.ts) and its error renderer, as the router
 * does once it has let the call through. The runner's own moderator check is lifted, so these tests prove each
 * handler checks again. An expected failure becomes the ephemeral localized reply users get; anything else fails
 * the test.
 */
export async function run(
  ctx: RecordingContext,
  call: (ctx: RecordingContext) => Promise<void>,
  command?: Command,
): Promise<Outcome> {
  let expected: CommandError | undefined;
  let unexpected: unknown;
  const data = { ...(command?.data ?? { name: 'test' }), moderatorOnly: false };
  const outcome = await runCommand(
    { ...(command ?? { execute: async () => {} }), data } as Command,
    {
      ctx,
      t: (await translator(ctx.lang)) as Translator,
      commandName: data.name,
      hasReplied: () => ctx.recorded.replies.length + ctx.recorded.modals.length > 0,
      log: silentLogger,
      ref: 'test',
    },
    async () => {
      try {
        await call(ctx);
      } catch (error) {
        if (error instanceof CommandError) expected = error;
        else unexpected = error;
        throw error;
      }
    },
  );
  if (outcome === 'crashed') throw unexpected;
  return expected ? { ok: false, error: expected } : { ok: true };
}

export const execute = (command: Command, ctx: RecordingContext): Promise<Outcome> =>
  run(ctx, (c) => command.execute(c), command);

export const submit = (
  command: Command,
  ctx: RecordingContext,
  customId: string,
  fields: Record<string, string>,
) => run(ctx, (c) => command.submitModal!(c, customId, fields), command);

export const complete = (command: Command, ctx: RecordingContext): Promise<Choice[]> =>
  command.autocomplete!(ctx);

/** Everything a reply shows, as one text: content, titles, descriptions, fields and footers. */
export function replyText(reply: Reply): string {
  const embeds = (reply.embeds ?? []).flatMap((embed) => [
    embed.title ?? '',
    embed.description ?? '',
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    embed.footer ?? '',
  ]);
  return [reply.content ?? '', ...embeds].filter(Boolean).join('\n');
}
