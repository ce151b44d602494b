-- Notes a job run leaves for its user (e.g. a TikTok entity that could not be stored and was skipped).
ALTER TABLE jobs ADD COLUMN messages jsonb NOT NULL DEFAULT '[]'::jsonb;
