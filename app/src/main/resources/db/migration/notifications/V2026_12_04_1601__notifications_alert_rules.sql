-- Alert rules of a workspace over its stored daily facts, and what they fired. See docs/alerts.md.
CREATE TABLE alert_rules
(
    id                     UUID PRIMARY KEY,
    workspace_id           UUID          NOT NULL,
    name                   TEXT          NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    kind                   TEXT          NOT NULL CHECK (kind IN ('SPEND_TODAY', 'CPA', 'CTR', 'ZERO_DELIVERY',
                                                                  'PACING', 'ANOMALY')),
    level                  TEXT          NOT NULL CHECK (level IN ('ADVERTISER', 'CAMPAIGN')),
    threshold              NUMERIC(20, 6),   -- X, Y, Z; pacing: percent of the daily budget; anomaly: k (sigmas)
    window_days            INT,              -- CPA over the last N days
    hours                  INT,              -- zero delivery for H hours
    metric                 TEXT,             -- the anomaly's metric
    advertiser_ids         TEXT[]        NOT NULL,
    campaign_ids           TEXT[]        NOT NULL,
    cooldown_minutes       INT           NOT NULL,
    quiet_from             TIME,
    quiet_to               TIME,
    quiet_zone             TEXT,
    recipients             UUID[]        NOT NULL,
    channels               TEXT[]        NOT NULL,   -- empty: each recipient's preferences
    escalate_after_minutes INT,                      -- a Telegram alert nobody acknowledged goes out by e-mail
    enabled                BOOLEAN       NOT NULL,
    created_by             UUID          NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL
);
CREATE INDEX alert_rules_workspace_idx ON alert_rules (workspace_id, created_at);

-- One row per firing. The dedup key (entity and its local day) is unique per rule, so two evaluations racing on
-- the same facts fire once.
CREATE TABLE alert_firings
(
    id              UUID PRIMARY KEY,
    workspace_id    UUID           NOT NULL,
    rule_id         UUID           NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    entity_id       TEXT           NOT NULL,
    entity_name     TEXT,
    advertiser_id   TEXT           NOT NULL,
    dedup_key       TEXT           NOT NULL,
    value           NUMERIC(20, 6),
    message         TEXT           NOT NULL,
    fired_at        TIMESTAMPTZ    NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by UUID,
    snoozed_until   TIMESTAMPTZ,
    escalate_at     TIMESTAMPTZ,
    escalated_at    TIMESTAMPTZ,
    CONSTRAINT alert_firings_dedup UNIQUE (workspace_id, rule_id, dedup_key)
);
CREATE INDEX alert_firings_entity_idx ON alert_firings (workspace_id, rule_id, entity_id, fired_at DESC);
CREATE INDEX alert_firings_escalation_idx ON alert_firings (escalate_at)
    WHERE escalated_at IS NULL AND acknowledged_at IS NULL;

-- Zero delivery is measured in hours but facts are daily: each evaluation notes today's impressions per campaign
-- and since when they have not grown.
CREATE TABLE alert_delivery_watch
(
    workspace_id UUID        NOT NULL,
    campaign_id  TEXT        NOT NULL,
    stat_date    DATE        NOT NULL,
    impressions  BIGINT      NOT NULL,
    since        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, campaign_id)
);
