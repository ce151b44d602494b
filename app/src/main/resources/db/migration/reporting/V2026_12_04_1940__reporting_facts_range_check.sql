-- Facts by month, step 1 of 3 (docs/reporting.md, "Facts by month"): today's table becomes the first partition of a
-- table partitioned by day, covering every day up to a bound. Attaching it without a scan under the strongest lock
-- needs a valid CHECK constraint that proves the bound; this step only declares it (NOT VALID: no scan, a brief
-- lock, and from now on every write is checked). The bound is the first day of the month after both today (plus two
-- days: advertiser-local dates run ahead of UTC) and the last day the finality ledger knows (facts of a day are only
-- ever written with its ledger row); the next steps read it back from the constraint.
DO $$
DECLARE
    bound date;
BEGIN
    SELECT (date_trunc('month', greatest(current_date + 2, max(stat_date))) + interval '1 month')::date
    INTO bound
    FROM report_finality;
    EXECUTE format('ALTER TABLE report_daily_facts ADD CONSTRAINT report_daily_facts_before_bound'
                   ' CHECK (stat_date < %L) NOT VALID', bound);
END
$$;
