-- The id of the request that submitted a job (X-Request-Id), so the job's log lines carry it on whichever node runs it.
-- NULL for jobs the system starts outside a request.
ALTER TABLE jobs ADD COLUMN request_id varchar(64);
