-- The IP addresses each user has signed in from, so that a sign-in from a new one can be told to the user. Goes
-- with the account; nothing else reads it.
CREATE TABLE notification_known_login_ips
(
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ip         TEXT        NOT NULL CHECK (char_length(ip) BETWEEN 1 AND 64),
    first_seen TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, ip)
);
