import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main, subcommandNames } from '../../../bot/cli/main.ts';
import { fakeIo } from '../../support/cli-io.ts';

let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  env = { BRIEFING_DATA_DIR: await mkdtemp(join(tmpdir(), 'briefing-help-')), LANG: 'C' };
});

const run = async (args: string[], input: string[] = []) => {
  const io = fakeIo(input, env);
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('the CLI a newcomer meets', () => {
  it('prints every subcommand with one line of help for briefing --help', async () => {
    const { code, out, err } = await run(['--help']);
    expect(code).toBe(0);
    expect(err).toBe('');
    for (const name of subcommandNames()) expect(out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(out).not.toContain('bench');
  });

  it('prints the usage of each subcommand for briefing <subcommand> --help, without running it', async () => {
    for (const name of subcommandNames()) {
      const { code, out } = await run([name, '--help']);
      expect(code, name).toBe(0);
      expect(out, name).toContain(`briefing ${name}`);
    }
    const facts = await run(['facts', 'import', '--help']);
    expect(facts.out).toContain('briefing facts import <file> [--actor <name>]');
  });

  it('words the help in the language asked for', async () => {
    const { out } = await run(['ask', '--help', '--lang', 'fr']);
    expect(out).toMatch(/^Utilisation : briefing ask/);
    env.LANG = 'fr_FR.UTF-8';
    expect((await run(['help'])).out).toContain('Sous-commandes');
  });

  it('words an unknown option in the CLI language and points to --help', async () => {
    env.BRIEFING_LANG = 'fr';
    const { code, err } = await run(['facts', 'list', '--bogus']);
    expect(code).toBe(2);
    expect(err).toBe('Option inconnue --bogus (--help liste les options).');
  });

  it('hands options given without a subcommand to the console (npm start -- --lang fr)', async () => {
    const { code, out, err } = await run(['--lang', 'fr', '--as', 'moderator'], ['/settings\n']);
    expect(err).not.toMatch(/inconnue|Unknown/);
    expect(code).toBe(0);
    expect(out).toMatch(/Réglages|Paramètres|Fuseau/);
  });

  it('passes the shipped seed through briefing facts validate', async () => {
    const { code, out } = await run(['facts', 'validate', 'facts/seed/facts.json']);
    expect(code).toBe(0);
    expect(out).toMatch(/^facts\/seed\/facts\.json is valid: \d+ facts\.$/);
  });
});
