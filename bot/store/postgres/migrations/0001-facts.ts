import { type Kysely, sql } from 'kysely';

/**
 * The fact store: facts with their versions, texts per language, values, sources and entities; the audit log,
 * append-only by the database's own rule; verifications, whose two-moderator rule the database enforces.
 * `facts.doc` holds the whole fact as the schema defines it, as written (json, not jsonb: key order is kept, and
 * the store compares facts by their JSON) (what processes load at start, in one scan); the
 * child tables hold the same content in columns, written in the same transaction, for SQL and for constraints.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE store_head (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      seq bigint NOT NULL DEFAULT 0,
      entities_version bigint NOT NULL DEFAULT 0,
      touched_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO store_head DEFAULT VALUES;

    CREATE TABLE entities (
      id text PRIMARY KEY,
      type text NOT NULL,
      doc json NOT NULL,
      -- Entities and facts are listed in the order they were first written, as the file store lists them.
      position bigint GENERATED ALWAYS AS IDENTITY
    );

    CREATE TABLE facts (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('figure', 'quote', 'event')),
      status text NOT NULL CHECK (status IN ('draft', 'verified', 'retired')),
      version integer NOT NULL CHECK (version >= 1),
      as_of text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL,
      verified_by text,
      verified_at timestamptz,
      last_seq bigint NOT NULL,
      doc json NOT NULL,
      position bigint GENERATED ALWAYS AS IDENTITY,
      CHECK (status <> 'verified' OR (verified_by IS NOT NULL AND verified_at IS NOT NULL))
    );
    CREATE INDEX facts_status ON facts (status);

    CREATE TABLE fact_texts (
      fact_id text NOT NULL REFERENCES facts ON DELETE CASCADE,
      lang text NOT NULL CHECK (lang IN ('fr', 'en')),
      text text NOT NULL,
      PRIMARY KEY (fact_id, lang)
    );

    CREATE TABLE fact_values (
      fact_id text NOT NULL REFERENCES facts ON DELETE CASCADE,
      key text NOT NULL,
      position integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('quantity', 'date')),
      value double precision,
      unit text,
      scale text,
      decimals integer,
      qualifier text NOT NULL,
      period text,
      date text,
      PRIMARY KEY (fact_id, key),
      CHECK ((kind = 'quantity') = (value IS NOT NULL AND unit IS NOT NULL))
    );

    CREATE TABLE fact_sources (
      fact_id text NOT NULL REFERENCES facts ON DELETE CASCADE,
      position integer NOT NULL,
      title text NOT NULL,
      publisher text NOT NULL,
      lang text NOT NULL CHECK (lang IN ('fr', 'en')),
      date text NOT NULL,
      url text,
      locator text NOT NULL,
      PRIMARY KEY (fact_id, position)
    );

    CREATE TABLE fact_entities (
      fact_id text NOT NULL REFERENCES facts ON DELETE CASCADE,
      entity_id text NOT NULL REFERENCES entities,
      position integer NOT NULL,
      PRIMARY KEY (fact_id, entity_id)
    );
    CREATE INDEX fact_entities_entity ON fact_entities (entity_id);

    CREATE TABLE audit_log (
      seq bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      actor text NOT NULL,
      action text NOT NULL CHECK (action IN ('create', 'edit', 'verify', 'retire', 'import')),
      fact_id text NOT NULL,
      entry json NOT NULL,
      -- The write this entry belongs to: after a lost connection, the writer asks whether its write committed.
      write_id uuid NOT NULL
    );
    CREATE INDEX audit_log_write ON audit_log (write_id);
    CREATE INDEX audit_log_fact ON audit_log (fact_id, seq);

    CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

    CREATE TABLE verifications (
      fact_id text NOT NULL REFERENCES facts ON DELETE CASCADE,
      version integer NOT NULL,
      verified_by text NOT NULL,
      edited_by text NOT NULL,
      four_eyes boolean NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (fact_id, version),
      CONSTRAINT two_distinct_moderators CHECK (NOT four_eyes OR verified_by <> edited_by)
    );

    -- Who edited is read from the fact, never taken from the writer: a verifier cannot name someone else.
    CREATE FUNCTION verification_editor() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE current_editor text;
    BEGIN
      SELECT updated_by INTO current_editor FROM facts WHERE id = NEW.fact_id;
      IF current_editor IS NULL THEN
        RAISE EXCEPTION 'no fact %', NEW.fact_id USING ERRCODE = 'foreign_key_violation';
      END IF;
      NEW.edited_by := current_editor;
      NEW.four_eyes := coalesce(current_setting('briefing.four_eyes', true), '') <> 'off';
      RETURN NEW;
    END $$;
    CREATE TRIGGER verification_editor BEFORE INSERT ON verifications
      FOR EACH ROW EXECUTE FUNCTION verification_editor();

    -- A fact becomes verified only with a verification row for that version (imports, an operator's act, aside).
    CREATE FUNCTION fact_needs_verification() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'verified' AND (TG_OP = 'INSERT' OR OLD.status <> 'verified' OR OLD.version <> NEW.version)
         AND coalesce(current_setting('briefing.importing', true), '') <> 'on'
         AND NOT EXISTS (SELECT 1 FROM verifications v WHERE v.fact_id = NEW.id AND v.version = NEW.version) THEN
        RAISE EXCEPTION 'fact % version % has no verification', NEW.id, NEW.version USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE CONSTRAINT TRIGGER fact_needs_verification AFTER INSERT OR UPDATE ON facts
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fact_needs_verification();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE verifications, audit_log, fact_entities, fact_sources, fact_values, fact_texts, facts, entities,
      store_head;
    DROP FUNCTION refuse_audit_change, verification_editor, fact_needs_verification;
  `.execute(db);
}
