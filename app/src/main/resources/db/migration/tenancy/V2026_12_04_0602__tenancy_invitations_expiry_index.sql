-- The retention purge deletes invitations 30 days after they expired or were revoked.
CREATE INDEX invitations_ended_idx ON invitations (LEAST(expires_at, COALESCE(revoked_at, expires_at)));
