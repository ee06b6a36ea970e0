import type { Command } from './index.ts';

/** `/digest preview`: today's digest as it would be posted, shown only to the asker. */
export const digest = {
  data: { name: 'digest', subcommands: [{ name: 'preview' }] },
  async execute(ctx) {
    // A digest in LLM mode calls the model; acknowledge first so Discord's 3 seconds never run out.
    if (ctx.services.llmAvailable) await ctx.defer({ ephemeral: true });
    const previews = await ctx.services.previewDigest(ctx.guildId, ctx.lang, ctx.user.id);
    const embeds = previews.flatMap((preview) => preview.embeds);
    if (embeds.length === 0) {
      await ctx.reply({ content: ctx.t('commands:digest.empty'), ephemeral: true });
      return;
    }
    await ctx.reply({ content: ctx.t('commands:digest.previewNote'), embeds, ephemeral: true });
  },
} satisfies Command;
