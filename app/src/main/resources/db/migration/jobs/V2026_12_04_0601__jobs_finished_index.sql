-- The retention purge deletes finished jobs 90 days after they finished, in batches, oldest first.
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE status IN ('SUCCEEDED', 'FAILED', 'CANCELLED');
