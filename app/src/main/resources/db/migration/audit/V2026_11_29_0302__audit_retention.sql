-- How long an organization keeps its audit events; no row means the default (tttools.audit.default-retention-days, 365).
CREATE TABLE audit_retention
(
    organization_id UUID                     NOT NULL PRIMARY KEY,
    days            INT                      NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_retention_days_in_range CHECK (days BETWEEN 90 AND 3650)
);
