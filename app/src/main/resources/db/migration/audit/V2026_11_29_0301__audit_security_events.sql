-- Security events (logins, failures, lockouts, CSRF rejections, rate-limit hits, token use from a new IP):
-- per user, kept 90 days, append-only like the audit log but not hash-chained.
CREATE TABLE security_events
(
    id          UUID                     NOT NULL PRIMARY KEY,
    type        TEXT                     NOT NULL,
    user_id     UUID,
    email       TEXT,
    ip          TEXT,
    user_agent  TEXT,
    request_id  TEXT,
    details     JSONB                    NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX security_events_user_time_idx ON security_events (user_id, occurred_at DESC, id DESC);
CREATE INDEX security_events_time_idx ON security_events (occurred_at);

CREATE TRIGGER security_events_append_only
    BEFORE UPDATE OR DELETE ON security_events
    FOR EACH ROW EXECUTE FUNCTION audit_reject_changes();
CREATE TRIGGER security_events_no_truncate
    BEFORE TRUNCATE ON security_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_changes();
