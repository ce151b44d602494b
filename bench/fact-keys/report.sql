-- ratios of the run: per round and overall, each variant against the unindexed table of its id type
SET search_path = lab;
-- per round of :round batches: ratio of each variant to its anchor (raw_t for t*, part_t; raw_b for b*)
WITH r AS (SELECT variant, (seq - 1) / :round AS round, sum(rows) AS rows, sum(secs) AS secs FROM results WHERE run = :'run' GROUP BY 1, 2),
x AS (SELECT r.variant, r.round, (r.rows / r.secs) / (a.rows / a.secs) AS ratio
      FROM r JOIN r a ON a.round = r.round AND a.variant = CASE WHEN r.variant LIKE 'b%' THEN 'raw_b' ELSE 'raw_t' END)
SELECT variant, count(*) AS rounds, round(min(ratio)::numeric, 2) AS min, round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ratio))::numeric, 2) AS median,
       round(max(ratio)::numeric, 2) AS max FROM x GROUP BY variant ORDER BY variant;
WITH t AS (SELECT variant, sum(rows)/sum(secs) AS rs FROM results WHERE run = :'run' GROUP BY 1)
SELECT t.variant, round(t.rs) AS rows_s, round((t.rs / a.rs)::numeric, 2) AS vs_anchor,
       round((t.rs / (SELECT rs FROM t WHERE variant = 'raw_t'))::numeric, 2) AS vs_raw_t
FROM t JOIN t a ON a.variant = CASE WHEN t.variant LIKE 'b%' THEN 'raw_b' ELSE 'raw_t' END ORDER BY 1;
