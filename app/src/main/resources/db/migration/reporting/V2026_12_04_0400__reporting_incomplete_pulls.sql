-- The first day of an advertiser's facts whose pull has not finished (a sync that failed or stopped before it got
-- there); NULL when every pull finished. Days from here on are never called settled, and the next sync starts here.
ALTER TABLE report_advertisers ADD COLUMN pull_incomplete_from DATE;
