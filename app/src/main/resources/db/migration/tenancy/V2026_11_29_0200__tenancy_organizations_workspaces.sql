-- Tenancy: organizations hold workspaces (one per client or brand); people belong to organizations with an
-- organization role and to workspaces with a workspace role. Every tenant-owned table carries its tenant key
-- (organization_id, and workspace_id where it applies) and its indexes start with it.
CREATE TABLE organizations
(
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    created_by UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE organization_members
(
    organization_id UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    joined_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
-- "Which organizations is this user in" (GET /me, every access check starts from the tenant key instead).
CREATE INDEX organization_members_user_idx ON organization_members (user_id);

CREATE TABLE workspaces
(
    id              UUID PRIMARY KEY,
    organization_id UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    timezone        TEXT        NOT NULL,
    currency        TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at      TIMESTAMPTZ NOT NULL,
    deleted_at      TIMESTAMPTZ,
    deleted_by      UUID,
    UNIQUE (organization_id, id)
);
CREATE INDEX workspaces_organization_idx ON workspaces (organization_id, name);
CREATE INDEX workspaces_deleted_idx ON workspaces (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE workspace_members
(
    workspace_id    UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    user_id         UUID        NOT NULL,
    role            TEXT        NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'ANALYST')),
    added_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, user_id),
    -- the tenant key must agree with the workspace's organization, and the user must be in that organization
    FOREIGN KEY (organization_id, workspace_id) REFERENCES workspaces (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, user_id) REFERENCES organization_members (organization_id, user_id) ON DELETE CASCADE
);
CREATE INDEX workspace_members_organization_user_idx ON workspace_members (organization_id, user_id);

-- Invitations by email. Only a SHA-256 of the single-use token is stored.
CREATE TABLE invitations
(
    id               UUID PRIMARY KEY,
    organization_id  UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email            TEXT        NOT NULL CHECK (char_length(email) <= 254),
    email_normalized TEXT        NOT NULL,
    role             TEXT        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    workspace_grants JSONB       NOT NULL DEFAULT '[]'::jsonb,
    token_hash       BYTEA       NOT NULL,
    invited_by       UUID        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    accepted_at      TIMESTAMPTZ,
    accepted_by      UUID,
    revoked_at       TIMESTAMPTZ
);
CREATE UNIQUE INDEX invitations_token_hash_uq ON invitations (token_hash);
CREATE INDEX invitations_organization_idx ON invitations (organization_id, created_at DESC);

-- The organization and workspace a user last worked in (restored at the next sign-in).
CREATE TABLE user_workspace_preferences
(
    user_id              UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    last_organization_id UUID REFERENCES organizations (id) ON DELETE SET NULL,
    last_workspace_id    UUID REFERENCES workspaces (id) ON DELETE SET NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
