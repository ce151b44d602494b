-- Row-level security as a backstop behind the app's own workspace_id predicates (docs/security.md, "Row-level
-- security"). A transaction that serves a resolved workspace switches to the NOLOGIN role tttools_tenant (SET LOCAL
-- ROLE) and sets tttools.workspace_id (transaction-local); the policies below let that role see and write only that
-- workspace's rows, and nothing when the setting is unset. Every other path keeps the login role, which owns the
-- tables (or is a superuser), so RLS does not apply to it: system tasks bypass it explicitly by not switching.

-- The role is cluster-wide and may already exist (another database on the same server, or a re-run); two
-- databases migrating at once may race to create it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tttools_tenant') THEN
        CREATE ROLE tttools_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

-- The login role must be allowed to SET ROLE tttools_tenant (a superuser always is).
DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            AND NOT pg_has_role(current_user, 'tttools_tenant', 'MEMBER') THEN
        EXECUTE format('GRANT tttools_tenant TO %I', current_user);
    END IF;
END
$$;

-- DML on every table and sequence, now and for tables later migrations (or FactPartitions) create. No TRUNCATE
-- (it ignores row-level security), no DDL.
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO tttools_tenant', current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO tttools_tenant', current_schema());
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO tttools_tenant', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tttools_tenant',
            current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO tttools_tenant',
            current_schema());
END
$$;

-- The policy on every table with a workspace_id column (partitioned tables: on the parent, which every query of
-- the app names). A later migration that adds such a table adds the same two statements; RowLevelSecurityIT fails
-- until it does.
DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN
        SELECT c.oid::regclass
        FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
        WHERE c.relnamespace = current_schema()::regnamespace
          AND c.relkind IN ('r', 'p')
          AND NOT c.relispartition
    LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %s TO tttools_tenant '
                || 'USING (workspace_id = nullif(current_setting(''tttools.workspace_id'', true), '''')::uuid) '
                || 'WITH CHECK (workspace_id = nullif(current_setting(''tttools.workspace_id'', true), '''')::uuid)', t);
    END LOOP;
END
$$;
