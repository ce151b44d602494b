-- Which version of the privacy policy and terms each user accepted, and how: at sign-up, or by acknowledging
-- the notice shown after the version changed. One row per user and version (the history is the proof); rows go
-- with the account.
CREATE TABLE user_policy_consents
(
    user_id        UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    policy_version TEXT        NOT NULL CHECK (char_length(policy_version) BETWEEN 1 AND 40),
    how            TEXT        NOT NULL CHECK (how IN ('SIGN_UP', 'ACKNOWLEDGED')),
    accepted_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, policy_version)
);
