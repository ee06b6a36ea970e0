import { type Kysely, sql } from 'kysely';

/**
 * The measure registry every quantity names one of (`netLoss`, `btcMined`…), in the database beside the facts, so
 * every process checks values against the same registry. Filled from the embedded registry when the store is seeded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE measures (
      id text PRIMARY KEY,
      doc json NOT NULL
    );
    ALTER TABLE fact_values ADD COLUMN measure text REFERENCES measures DEFERRABLE INITIALLY DEFERRED;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE fact_values DROP COLUMN measure;
    DROP TABLE measures;
  `.execute(db);
}
