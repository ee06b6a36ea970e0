import type pg from 'pg';
import type { AuditEntry, Entity, Fact, Measure } from '../../../facts/schema/index.ts';

/** Rows per statement when a write carries many facts (an import, the seed): one JSON parameter each. */
const CHUNK = 2000;

const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

// The columns are read from the fact's own JSON by the database, so a fact and its columns never disagree.
const FACT_COLUMNS = `
  d->>'kind', d->>'status', (d->>'version')::int, d->>'asOf', d->>'createdBy', (d->>'createdAt')::timestamptz,
  d->>'updatedBy', (d->>'updatedAt')::timestamptz, d->>'verifiedBy', (d->>'verifiedAt')::timestamptz`;

/** Inserts new facts; returns the ids that already existed (and were left alone). */
export async function insertFacts(
  client: pg.ClientBase,
  facts: readonly Fact[],
  seq: number,
): Promise<string[]> {
  const taken: string[] = [];
  for (const part of chunks(facts)) {
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO facts (id, kind, status, version, as_of, created_by, created_at, updated_by, updated_at,
         verified_by, verified_at, last_seq, doc)
       SELECT d->>'id', ${FACT_COLUMNS}, $2, d FROM json_array_elements($1::json) WITH ORDINALITY AS x(d, n)
       ORDER BY n
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(part), seq],
    );
    const added = new Set(inserted.rows.map((row) => row.id));
    taken.push(...part.filter((fact) => !added.has(fact.id)).map((fact) => fact.id));
  }
  return taken;
}

/**
 * Replaces facts at the version their writer read (`UPDATE … WHERE version = expected`); returns the ids whose
 * version had moved on, which the caller turns into `versionConflict`.
 */
export async function updateFacts(
  client: pg.ClientBase,
  changes: readonly { after: Fact; expected: number }[],
  seq: number,
): Promise<string[]> {
  const stale: string[] = [];
  for (const part of chunks(changes)) {
    const updated = await client.query<{ id: string }>(
      `UPDATE facts AS f SET (kind, status, version, as_of, created_by, created_at, updated_by, updated_at,
         verified_by, verified_at, last_seq, doc) = (${FACT_COLUMNS}, $2, d)
       FROM json_array_elements($1::json) AS x(c), LATERAL (SELECT c->'after' AS d) AS y
       WHERE f.id = d->>'id' AND f.version = (c->>'expected')::int
       RETURNING f.id`,
      [JSON.stringify(part), seq],
    );
    const done = new Set(updated.rows.map((row) => row.id));
    stale.push(...part.filter((change) => !done.has(change.after.id)).map((change) => change.after.id));
  }
  return stale;
}

/** Rewrites the texts, values, sources and entity links of these facts from their JSON. */
export async function writeFactDetails(client: pg.ClientBase, facts: readonly Fact[]): Promise<void> {
  for (const part of chunks(facts)) {
    const ids = part.map((fact) => fact.id);
    const docs = JSON.stringify(part);
    await client.query(
      `WITH gone AS (DELETE FROM fact_texts WHERE fact_id = ANY($1)),
            gone_values AS (DELETE FROM fact_values WHERE fact_id = ANY($1)),
            gone_sources AS (DELETE FROM fact_sources WHERE fact_id = ANY($1))
       DELETE FROM fact_entities WHERE fact_id = ANY($1)`,
      [ids],
    );
    await client.query(
      `INSERT INTO fact_texts (fact_id, lang, text)
       SELECT d->>'id', t.key, t.value FROM json_array_elements($1::json) AS x(d), json_each_text(d->'text') AS t`,
      [docs],
    );
    await client.query(
      `INSERT INTO fact_values (fact_id, key, position, kind, value, unit, scale, decimals, qualifier, period, date,
         measure)
       SELECT d->>'id', v->>'key', p::int - 1, v->>'kind', (v->>'value')::double precision, v->>'unit',
              v->>'scale', (v->>'decimals')::int, coalesce(v->>'qualifier', 'exact'), v->>'period', v->>'date',
              v->>'measure'
       FROM json_array_elements($1::json) AS x(d), json_array_elements(d->'values') WITH ORDINALITY AS y(v, p)`,
      [docs],
    );
    await client.query(
      `INSERT INTO fact_sources (fact_id, position, title, publisher, lang, date, url, locator)
       SELECT d->>'id', p::int - 1, s->>'title', s->>'publisher', s->>'lang', s->>'date', s->>'url', s->>'locator'
       FROM json_array_elements($1::json) AS x(d), json_array_elements(d->'sources') WITH ORDINALITY AS y(s, p)`,
      [docs],
    );
    await client.query(
      `INSERT INTO fact_entities (fact_id, entity_id, position)
       SELECT d->>'id', e, p::int - 1
       FROM json_array_elements($1::json) AS x(d), json_array_elements_text(d->'entities') WITH ORDINALITY AS y(e, p)`,
      [docs],
    );
  }
}

/** Appends entries to the audit log (which refuses any later change to them), tagged with the write's id. */
export async function appendAudit(
  client: pg.ClientBase,
  entries: readonly AuditEntry[],
  writeId: string,
): Promise<void> {
  for (const part of chunks(entries)) {
    await client.query(
      `INSERT INTO audit_log (seq, at, actor, action, fact_id, entry, write_id)
       SELECT (e->>'seq')::bigint, (e->>'at')::timestamptz, e->>'actor', e->>'action', e->>'factId', e, $2
       FROM json_array_elements($1::json) AS x(e)`,
      [JSON.stringify(part), writeId],
    );
  }
}

/** Inserts or replaces entities. */
export async function upsertEntities(client: pg.ClientBase, entities: readonly Entity[]): Promise<void> {
  for (const part of chunks(entities)) {
    await client.query(
      `INSERT INTO entities (id, type, doc)
       SELECT d->>'id', d->>'type', d FROM json_array_elements($1::json) WITH ORDINALITY AS x(d, n) ORDER BY n
       ON CONFLICT (id) DO UPDATE SET type = excluded.type, doc = excluded.doc`,
      [JSON.stringify(part)],
    );
  }
}

/** Records who verified which version; the database fills in who edited it and refuses the same person. */
export async function insertVerification(client: pg.ClientBase, fact: Fact): Promise<void> {
  await client.query(
    `INSERT INTO verifications (fact_id, version, verified_by, edited_by, four_eyes, at)
     VALUES ($1, $2, $3, '', true, $4)`,
    [fact.id, fact.version, fact.verifiedBy, fact.verifiedAt],
  );
}

/** The audit entries after `seq`, oldest first: what other processes wrote since this one last looked. */
export async function entriesAfter(client: pg.ClientBase | pg.Pool, seq: number): Promise<AuditEntry[]> {
  const rows = await client.query<{ entry: AuditEntry }>(
    'SELECT entry FROM audit_log WHERE seq > $1 ORDER BY seq',
    [seq],
  );
  return rows.rows.map((row) => row.entry);
}

/** Inserts or replaces measures of the registry. */
export async function upsertMeasures(client: pg.ClientBase, measures: readonly Measure[]): Promise<void> {
  await client.query(
    `INSERT INTO measures (id, doc) SELECT d->>'id', d FROM json_array_elements($1::json) AS x(d)
     ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
    [JSON.stringify(measures)],
  );
}
