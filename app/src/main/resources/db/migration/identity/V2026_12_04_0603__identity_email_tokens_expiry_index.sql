-- The retention purge deletes e-mail tokens once they expired.
CREATE INDEX user_email_tokens_expires_idx ON user_email_tokens (expires_at);
