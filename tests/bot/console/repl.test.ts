import { afterEach, describe, expect, it } from 'vitest';
import { completeLine } from '../../../bot/console/completer.ts';
import { type Command, CommandError } from '../../../commands/index.ts';
import { makeSession } from './support.ts';

const commands: Command[] = [
  {
    data: { name: 'ask', options: [{ name: 'question', type: 'string', required: true, minLength: 2 }] },
    execute: async (ctx) =>
      ctx.reply({
        content: `[${ctx.lang}] ${ctx.options.string('question')}`,
        embeds: [
          {
            title: 'Answer',
            description: 'Body',
            fields: [{ name: 'Source', value: 'Le Monde' }],
            footer: 'as of today',
          },
        ],
      }),
  },
  {
    data: {
      name: 'facts',
      moderatorOnly: true,
      subcommands: [
        { name: 'edit', options: [{ name: 'id', type: 'string', required: true, autocomplete: true }] },
        { name: 'list', options: [{ name: 'limit', type: 'integer', minValue: 1, maxValue: 10 }] },
      ],
    },
    execute: async (ctx) => {
      if (ctx.options.subcommand === 'list')
        return ctx.reply({ content: `limit=${ctx.options.integer('limit')}` });
      const id = ctx.options.string('id')!;
      if (id === 'missing') throw new CommandError('factNotFound', { id });
      return ctx.showModal({
        customId: `facts:edit:${id}:3`,
        title: `Edit ${id}`,
        fields: [
          { customId: 'value', label: 'Value', style: 'short', value: '9.7' },
          { customId: 'note', label: 'Note', style: 'paragraph', required: false },
        ],
      });
    },
    autocomplete: async (ctx) =>
      ['iren-microsoft-deal-value', 'iren-capacity', 'core-scientific-deal']
        .filter((id) => id.startsWith(ctx.options.focused?.value ?? ''))
        .map((id) => ({ name: id, value: id })),
    submitModal: async (ctx, customId, fields) =>
      ctx.reply({
        content: `${customId} value=${fields.value} note=${JSON.stringify(fields.note)}`,
        ephemeral: true,
      }),
  },
  {
    data: {
      name: 'lang',
      options: [{ name: 'value', type: 'string', required: true, choices: ['fr', 'en', 'auto'] }],
    },
    execute: async (ctx) => {
      await ctx.services.settings.setUserLang(ctx.user.id, ctx.options.string('value') as 'fr');
      await ctx.reply({ content: 'ok', ephemeral: true });
    },
  },
  { data: { name: 'crash' }, execute: async () => Promise.reject(new Error('boom')) },
];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
const session = async (options: Parameters<typeof makeSession>[1] = {}) => {
  const made = await makeSession(commands, options);
  cleanups.push(made.cleanup);
  return made;
};

describe('the console, fed piped input', () => {
  it('runs a command with a named option and prints the reply as text', async () => {
    const { run } = await session();
    const { code, out } = await run(['/ask question: How much is the IREN deal worth?']);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('[en] How much is the IREN deal worth?');
    expect(out.join('\n')).toMatch(/Answer\n─+\nBody\nSource: Le Monde\n— as of today/);
  });

  it('takes the only required option bare', async () => {
    const { run } = await session();
    const { out } = await run(['/ask How much?']);
    expect(out).toEqual([expect.stringContaining('[en] How much?')]);
  });

  it('refuses a moderator command to a member and exits with 1 at the end of input', async () => {
    const { run } = await session({ moderator: false });
    const { code, out } = await run(['/facts list', '/ask still works']);
    expect(code).toBe(1);
    expect(out[0]).toContain('(only you can see this)');
    expect(out[1]).toContain('still works');
  });

  it('fills a modal from the following `field: value` lines, keeping the prefilled value of the others', async () => {
    const { run } = await session({ moderator: true });
    const { code, out } = await run([
      '/facts edit id:iren-microsoft-deal-value',
      'note: checked\\nagainst the source',
      '',
      '/facts list limit: 3',
    ]);
    expect(code).toBe(0);
    expect(out[0]).toContain(
      'facts:edit:iren-microsoft-deal-value:3 value=9.7 note="checked\\nagainst the source"',
    );
    expect(out[1]).toBe('limit=3');
  });

  it('ends a modal at the next command when no empty line comes first', async () => {
    const { run } = await session({ moderator: true });
    const { out } = await run(['/facts edit id: x', 'value: 10', '/ask next one']);
    expect(out[0]).toContain('value=10');
    expect(out[1]).toContain('next one');
  });

  it('reports unparsable lines on the error stream and goes on', async () => {
    const { run } = await session({ moderator: true });
    const { code, err, out } = await run([
      'hello',
      '/nope',
      '/facts',
      '/facts list limit: 99',
      '/facts list limit: many',
      '/ask question: a question: b',
      '# a comment',
      '/ask fine',
    ]);
    expect(code).toBe(1);
    expect(err).toHaveLength(6 + 1);
    expect(err.at(-1)).toContain('6 lines failed');
    expect(out).toEqual([expect.stringContaining('fine')]);
  });

  it('localizes errors and follows /lang for the next replies', async () => {
    const { run } = await session({ moderator: true, lang: 'en' });
    const { out } = await run([
      '/facts edit id: missing',
      '/lang value: fr',
      '/ask bonjour',
      '/facts edit id: missing',
    ]);
    expect(out[0]).toContain('No fact has the id “missing”');
    expect(out[2]).toContain('[fr] bonjour');
    expect(out[3]).toContain('missing');
    expect(out[3]).not.toContain('No fact has');
  });

  it('survives a crashing handler with a generic message', async () => {
    const { run } = await session();
    const { code, out } = await run(['/crash', '/ask after']);
    expect(code).toBe(1);
    expect(out[0]).toContain('reference');
    expect(out[1]).toContain('after');
  });

  it('stops reading at /quit', async () => {
    const { run } = await session();
    const { out } = await run(['/ask one', '/quit', '/ask two']);
    expect(out).toHaveLength(1);
  });
});

describe('tab completion in the console', () => {
  it('completes command names, subcommands and option names', async () => {
    const { session: s } = await session();
    const setting = { commands, lang: 'en' as const, lookup: s.lookup };
    expect(await completeLine(s, setting, '/fa')).toEqual([['/facts '], '/fa']);
    expect(await completeLine(s, setting, '/facts e')).toEqual([['edit '], 'e']);
    expect(await completeLine(s, setting, '/facts edit ')).toEqual([['id: '], '']);
    expect(await completeLine(s, setting, '/ask q')).toEqual([['question: '], 'q']);
  });

  it('completes option values through the command’s autocomplete and fixed choices', async () => {
    const { session: s } = await session();
    const setting = { commands, lang: 'en' as const, lookup: s.lookup };
    expect(await completeLine(s, setting, '/facts edit id: iren-')).toEqual([
      ['iren-microsoft-deal-value', 'iren-capacity'],
      'iren-',
    ]);
    expect(await completeLine(s, setting, '/facts edit id:core')).toEqual([['core-scientific-deal'], 'core']);
    expect(await completeLine(s, setting, '/lang value: f')).toEqual([['fr'], 'f']);
  });
});
