import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { main } from '../../bot/cli/main.ts';
import { fakeIo } from '../support/cli-io.ts';
import { describePostgres, freshDatabase } from './support/database.ts';

describePostgres('briefing db migrate, and facts moving between the file store and PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const run = async (argv: string[], env: NodeJS.ProcessEnv, input: string[] = []) => {
    const io = fakeIo(input, { BRIEFING_LANG: 'en', ...env });
    const code = await main(argv, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };

  it('applies every migration once, then says the database is up to date', async () => {
    const database = await freshDatabase({ migrate: false });
    cleanups.push(database.drop);
    const first = await run(['db', 'migrate'], { DATABASE_URL: database.url });
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/^Applied 3 migrations: 0001-facts, 0002-bot-state, 0003-measures\.$/);
    expect(await run(['db', 'migrate'], { DATABASE_URL: database.url })).toMatchObject({
      code: 0,
      out: 'The database is up to date (3 migrations).',
    });
  });

  it('refuses without DATABASE_URL, and says why', async () => {
    const result = await run(['db', 'migrate'], {});
    expect(result.code).toBe(2);
    expect(result.err).toContain('DATABASE_URL is not set');
  });

  it('exports a file store and imports it into PostgreSQL, then back into a fresh folder, losing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'export-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const files = { BRIEFING_DATA_DIR: join(dir, 'files') };
    const exported = await run(['facts', 'export'], files);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.out) as { facts: { id: string }[]; entities: unknown[] };
    const changed = {
      ...data,
      facts: data.facts.map((fact, i) => (i === 0 ? { ...fact, asOf: '2025-12-01' } : fact)),
    };
    const file = join(dir, 'store.json');
    await writeFile(file, JSON.stringify(changed));
    const postgres = { DATABASE_URL: database.url, BRIEFING_DATA_DIR: join(dir, 'unused') };
    const imported = await run(['facts', 'import', file, '--actor', 'ops'], postgres);
    expect(imported.err).toBe('');
    expect(imported).toMatchObject({ code: 0 });
    const fromPostgres = JSON.parse((await run(['facts', 'export'], postgres)).out) as typeof data;
    expect(fromPostgres.facts.map((fact) => fact.id)).toEqual(data.facts.map((fact) => fact.id));
    expect(fromPostgres.facts[0]).toMatchObject({ asOf: '2025-12-01' });
    expect(fromPostgres.entities).toEqual(data.entities);
    await writeFile(file, JSON.stringify(fromPostgres));
    const back = { BRIEFING_DATA_DIR: join(dir, 'back') };
    expect(await run(['facts', 'import', file, '--actor', 'ops'], back)).toMatchObject({ code: 0 });
    const again = JSON.parse((await run(['facts', 'export'], back)).out) as typeof data;
    expect(again.facts.find((fact) => fact.id === data.facts[0]!.id)).toMatchObject({ asOf: '2025-12-01' });
  });
});
