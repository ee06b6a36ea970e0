import type { Translate } from '../../commands/index.ts';
import type { DigestPreview } from '../../commands/services.ts';
import type { Lang } from '../../facts/schema/index.ts';
import { GuildSettingsSchema, type SettingsRepository } from '../../facts/settings.ts';
import type { Logger } from '../log.ts';
import { buildDigest, createDigestKit, type DigestSource, type DigestWriter } from './build.ts';
import type { DigestLogStore } from './digest-log.ts';
import { localDateOf } from './schedule.ts';

export interface PreviewDeps {
  loadSource: () => DigestSource | Promise<DigestSource>;
  settings: SettingsRepository;
  translate: (lang: Lang) => Translate;
  now: () => Date;
  /** Where the last posted digest is recorded: the preview covers changes since then. */
  log?: Pick<DigestLogStore, 'lastPostedAt'>;
  writer?: DigestWriter;
  llmAvailable?: boolean;
  /** The per-user and global LLM limits `/ask` uses: past them the preview is templated. */
  allowLlm?: (askerId: string | undefined) => boolean;
  logger?: Logger;
}

/**
 * `Services.previewDigest`: the digest a server would get now, in one language, with its server's settings
 * (or the defaults outside a server). Every message's embeds, in order; quiet days show the key figures anyway.
 */
export function createDigestPreview(deps: PreviewDeps) {
  return async (guildId: string | undefined, lang: Lang, askerId?: string): Promise<DigestPreview[]> => {
    const settings = guildId
      ? deps.settings.getGuild(guildId)
      : GuildSettingsSchema.parse({ guildId: '0'.repeat(17) });
    const now = deps.now();
    const since = (guildId && deps.log?.lastPostedAt(guildId)) || new Date(now.getTime() - 86_400_000);
    // The budget is spent only when the model would really be called.
    const wantsLlm = Boolean(deps.writer && deps.llmAvailable && settings.digest.mode === 'llm');
    const allowed = wantsLlm && (deps.allowLlm?.(askerId) ?? true);
    if (wantsLlm && !allowed) deps.logger?.warn('digestLlmRejected', { lang, reason: 'llmLimited', askerId });
    const kit = createDigestKit(await deps.loadSource(), deps.translate, {
      ...(allowed && deps.writer ? { writer: deps.writer } : {}),
      ...(deps.logger ? { log: deps.logger } : {}),
    });
    const built = await buildDigest(kit, {
      lang,
      localDate: localDateOf(now, settings.digest.timeZone),
      since,
      first: Boolean(guildId && deps.log && !deps.log.lastPostedAt(guildId)), // what its first digest will be
      now,
      quietDays: true,
      mode: settings.digest.mode,
    });
    return [{ lang, embeds: built.messages.flat(), facts: built.facts, verified: built.verified }];
  };
}
