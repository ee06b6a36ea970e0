import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import type { PostgresFactRepository } from '../../bot/store/postgres/fact-store.ts';
import { openPostgresFactStore } from '../../bot/store/postgres/open-facts.ts';
import type { Failure } from '../../facts/result.ts';
import { makeDataset, makeNewFact } from '../facts/store/factory.ts';
import { describePostgres, freshDatabase, terminateConnections } from './support/database.ts';

const value = <T>(result: { ok: true; value: T } | Failure): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.code} ${JSON.stringify(result)}`);
  return result.value;
};

const until = async (check: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describePostgres('the PostgreSQL store shared by several processes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const database = async () => {
    const created = await freshDatabase();
    cleanups.push(created.drop);
    return created;
  };
  const open = async (url: string, pollMs = 2000) => {
    const opened = await openPostgresFactStore(url, () => makeDataset(3), { fourEyes: true, pollMs });
    const store = value(opened).store;
    cleanups.push(() => store.close());
    return store;
  };

  it('loses no update when two processes edit the same facts at once', async () => {
    const { url } = await database();
    const store = await open(url);
    const ids = ['seed-fact-1', 'seed-fact-2'];
    const start = ids.map((id) => store.getFact(id)!);
    const worker = join(import.meta.dirname, 'support', 'edit-worker.ts');
    const run = (actor: string) =>
      promisify(execFile)(process.execPath, [
        '--import',
        'tsx',
        worker,
        url,
        actor,
        '15',
        ids.join(','),
      ]).then(({ stdout }) => JSON.parse(stdout) as { conflicts: number });
    const results = await Promise.all([run('alice'), run('bruno')]);
    await store.catchUp();
    for (const [index, id] of ids.entries()) {
      const fact = store.getFact(id)!;
      const counter = (fact: (typeof start)[number]) => (fact.values[0] as { value: number }).value;
      expect(counter(fact)).toBe(counter(start[index]!) + 30);
      expect(fact.version).toBe(start[index]!.version + 30);
      expect((await store.history(id)).length).toBe(31);
    }
    // Each conflict was a refusal the worker saw and retried, never an overwrite.
    expect(results.every((result) => result.conflicts >= 0)).toBe(true);
  });

  it('tells every other process of a change, and refuses the stale version it held', async () => {
    const { url } = await database();
    const [first, second] = [await open(url), await open(url)];
    const seen: string[] = [];
    second.onExternalChange((change) =>
      seen.push(...change.facts.map((fact) => `${fact.id}@${fact.version}`)),
    );
    const { version } = first.getFact('seed-fact-1')!;
    value(await first.edit('seed-fact-1', version, { asOf: '2025-11-05' }, 'alice'));
    await until(() => second.getFact('seed-fact-1')?.version === version + 1);
    expect(seen).toEqual([`seed-fact-1@${version + 1}`]);
    expect(await second.edit('seed-fact-1', version, { asOf: '2025-11-06' }, 'bruno')).toMatchObject({
      code: 'versionConflict',
      params: { expected: version, actual: version + 1 },
    });
  });

  it('catches up from its watermark after its connections are cut, without waiting for a notification', async () => {
    const { url, name } = await database();
    const [writer, reader] = [await open(url), await open(url, 200)];
    expect(await terminateConnections(name)).toBeGreaterThan(0);
    // Written while the reader's LISTEN connection is down: its NOTIFY reaches nobody there.
    value(await writer.add(makeNewFact('while-away'), 'alice'));
    await until(() => reader.getFact('while-away') !== undefined);
    expect(reader.watermark).toBe(writer.watermark);
  });

  it('finishes a write whose connection the server cut, once, with nothing lost and no duplicate', async () => {
    const { url, name } = await database();
    const store = await open(url);
    const writes = Array.from({ length: 20 }, (_, i) => store.add(makeNewFact(`during-cut-${i}`), 'alice'));
    await new Promise((resolve) => setTimeout(resolve, 15));
    await terminateConnections(name);
    const results = await Promise.all(writes);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const check = await open(url);
    const added = check.listFacts().filter((fact) => fact.id.startsWith('during-cut-'));
    expect(added).toHaveLength(20);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const audit = await client.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE fact_id LIKE 'during-cut-%'",
    );
    await client.end();
    expect(audit.rows[0].n).toBe(20);
  });
});

describePostgres('the rules the database itself enforces', () => {
  let client: pg.Client | undefined;
  let store: PostgresFactRepository | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await client?.end();
    await store?.close();
    await drop?.();
  });
  const setUp = async () => {
    const created = await freshDatabase();
    drop = created.drop;
    store = value(await openPostgresFactStore(created.url, () => makeDataset(2), { fourEyes: true })).store;
    client = new pg.Client({ connectionString: created.url });
    await client.connect();
    return { store, client };
  };

  it('refuses to rewrite, delete or truncate the audit log', async () => {
    const { client } = await setUp();
    await expect(client.query("UPDATE audit_log SET actor = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('refuses a verification by the fact’s own editor, whoever the writer claims edited it', async () => {
    const { store, client } = await setUp();
    const draft = value(await store.add(makeNewFact('deal'), 'alice'));
    await expect(
      client.query(
        "INSERT INTO verifications (fact_id, version, verified_by, edited_by, four_eyes, at) VALUES ($1, $2, 'alice', 'bruno', false, now())",
        ['deal', draft.version + 1],
      ),
    ).rejects.toThrow(/two_distinct_moderators/);
  });

  it('refuses to mark a fact verified without a verification row', async () => {
    const { client } = await setUp();
    await expect(
      client.query("UPDATE facts SET status = 'draft', version = version + 1 WHERE id = 'seed-fact-1'"),
    ).resolves.toBeDefined();
    await expect(
      client.query("UPDATE facts SET status = 'verified', version = version + 1 WHERE id = 'seed-fact-1'"),
    ).rejects.toThrow(/has no verification/);
  });
});
