import { type UserLang, UserLangSchema } from '../facts/settings.ts';
import { type Command, CommandError } from './index.ts';

/** `/lang value:<fr|en|auto>`: the language the bot answers this user in, confirmed in that language. */
export const lang = {
  data: {
    name: 'lang',
    options: [{ name: 'value', type: 'string', required: true, choices: UserLangSchema.options }],
  },
  async execute(ctx) {
    const parsed = UserLangSchema.safeParse(ctx.options.string('value'));
    if (!parsed.success) throw new CommandError('badUserLang', { value: ctx.options.string('value') ?? '' });
    const choice: UserLang = parsed.data;
    await ctx.services.settings.setUserLang(ctx.user.id, choice);
    // The confirmation speaks the new language; `auto` cannot know the client's locale here, so it keeps the current one.
    const lng = choice === 'auto' ? ctx.lang : choice;
    await ctx.reply({ content: ctx.t(`commands:lang.set.${choice}`, { lng }), ephemeral: true });
  },
} satisfies Command;
