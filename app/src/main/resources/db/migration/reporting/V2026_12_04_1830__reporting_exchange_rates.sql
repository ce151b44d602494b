-- Daily reference rates for converting reports into a workspace's reporting currency, as the European Central Bank
-- publishes them: units of the currency per 1 EUR (EUR itself is 1 by definition and never stored).
-- source: ECB (fetched), SIMULATOR (the fixed table simulator mode loads). Instance-wide: not tenant data.
CREATE TABLE reporting_exchange_rates
(
    currency   TEXT COLLATE "C" NOT NULL CHECK (currency ~ '^[A-Z]{3}$' AND currency <> 'EUR'),
    rate_date  DATE             NOT NULL,
    per_eur    NUMERIC(24, 10)  NOT NULL CHECK (per_eur > 0),
    source     TEXT             NOT NULL,
    fetched_at TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (currency, rate_date)
);

-- Rates a workspace's admins entered themselves (same unit). On a date they cover, they win over the reference
-- table; each change is audited (reporting.rate-set / reporting.rate-deleted).
CREATE TABLE reporting_workspace_rates
(
    workspace_id UUID             NOT NULL,
    currency     TEXT COLLATE "C" NOT NULL CHECK (currency ~ '^[A-Z]{3}$' AND currency <> 'EUR'),
    rate_date    DATE             NOT NULL,
    per_eur      NUMERIC(24, 10)  NOT NULL CHECK (per_eur > 0),
    updated_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (workspace_id, currency, rate_date)
);
