import { type Kysely, sql } from 'kysely';

/**
 * What the bot keeps beside the facts: server settings and language choices, the digest claims (one row per
 * server and local date, fenced by an epoch), and the LLM calls that the shared limits count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One counter per kind of change, bumped under its row lock: changes commit in counter order, so a process
    -- that has read up to n has missed nothing below n.
    CREATE TABLE change_heads (
      name text PRIMARY KEY,
      seq bigint NOT NULL DEFAULT 0
    );
    INSERT INTO change_heads (name) VALUES ('settings');

    CREATE TABLE guild_settings (
      guild_id text PRIMARY KEY,
      doc jsonb NOT NULL,
      seq bigint NOT NULL
    );
    CREATE TABLE user_langs (
      user_id text PRIMARY KEY,
      lang text NOT NULL CHECK (lang IN ('fr', 'en')),
      seq bigint NOT NULL
    );
    -- A forgotten choice leaves a tombstone, so other processes learn of it from the counter.
    CREATE TABLE user_langs_forgotten (
      user_id text PRIMARY KEY,
      seq bigint NOT NULL
    );

    CREATE TABLE digest_posts (
      guild_id text NOT NULL,
      local_date date NOT NULL,
      status text NOT NULL CHECK (status IN ('claimed', 'posted', 'skipped', 'failed')),
      epoch integer NOT NULL DEFAULT 1 CHECK (epoch >= 1),
      attempts integer NOT NULL DEFAULT 0,
      owner_id text,
      owner_pid integer,
      owner_host text,
      claimed_at timestamptz,
      lease_until timestamptz,
      message_ids text[] NOT NULL DEFAULT '{}',
      posted_at timestamptz,
      recovered boolean NOT NULL DEFAULT false,
      reason text,
      retry_at timestamptz,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (guild_id, local_date),
      CHECK (status <> 'claimed' OR (owner_id IS NOT NULL AND lease_until IS NOT NULL)),
      CHECK (status <> 'posted' OR (posted_at IS NOT NULL AND cardinality(message_ids) > 0))
    );
    CREATE INDEX digest_posts_date ON digest_posts (local_date);
    -- Once posted, a digest stays posted: no later write may take it back or send it again.
    CREATE FUNCTION digest_posted_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'posted' THEN
        RAISE EXCEPTION 'digest % % is already posted', OLD.guild_id, OLD.local_date USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER digest_posted_is_final BEFORE UPDATE ON digest_posts
      FOR EACH ROW EXECUTE FUNCTION digest_posted_is_final();

    CREATE TABLE digest_last_posted (
      guild_id text PRIMARY KEY,
      posted_at timestamptz NOT NULL
    );

    CREATE TABLE llm_calls (
      id bigserial PRIMARY KEY,
      asker text NOT NULL,
      -- The process that made the call: each counts its own calls itself, the others' from here.
      owner text NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX llm_calls_at ON llm_calls (at);
    CREATE INDEX llm_calls_asker ON llm_calls (asker, at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE llm_calls, digest_last_posted, digest_posts, user_langs_forgotten, user_langs, guild_settings,
      change_heads;
    DROP FUNCTION digest_posted_is_final;
  `.execute(db);
}
