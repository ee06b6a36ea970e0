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
  logger?: Logger;
}

/**
 * `Services.previewDigest`: the digest a server would get now, in one language, with its server's settings
 * (or the defaults outside a server). Every message's embeds, in order; quiet days show the key figures anyway.
 */
export function createDigestPreview(deps: PreviewDeps) {
  return async (guildId: string | undefined, lang: Lang): Promise<DigestPreview[]> => {
    const settings = guildId
      ? deps.settings.getGuild(guildId)
      : GuildSettingsSchema.parse({ guildId: '0'.repeat(17) });
    const now = deps.now();
    const since = (guildId && deps.log?.lastPostedAt(guildId)) || new Date(now.getTime() - 86_400_000);
    const kit = createDigestKit(await deps.loadSource(), deps.translate, {
      ...(deps.writer && deps.llmAvailable ? { writer: deps.writer } : {}),
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
