-- The retention an organization chose for a configurable data class (privacy.retention.DataClass); no row means
-- the class's default. The audit log's retention is not here: the audit module keeps it in audit_retention.
CREATE TABLE privacy_retention_settings
(
    organization_id UUID        NOT NULL,
    data_class      TEXT        NOT NULL,
    days            INT         NOT NULL,
    updated_by      UUID,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organization_id, data_class),
    CONSTRAINT privacy_retention_settings_days_in_range CHECK (
        (data_class = 'report_facts' AND days BETWEEN 91 AND 3652))
);
