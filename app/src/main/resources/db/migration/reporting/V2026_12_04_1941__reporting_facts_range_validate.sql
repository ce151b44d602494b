-- Facts by month, step 2 of 3: validate the bound declared in step 1. One sequential scan of the table, under a
-- SHARE UPDATE EXCLUSIVE lock only: reports read and syncs write during the scan (its own transaction: Flyway runs
-- each migration in one).
ALTER TABLE report_daily_facts VALIDATE CONSTRAINT report_daily_facts_before_bound;
