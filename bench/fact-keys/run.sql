-- interleaved: each batch COPYed into every variant, order rotated per batch; one COPY + COMMIT each
SET search_path = lab;
SET synchronous_commit = off;
SELECT set_config('lab.variants', :'variants', false), set_config('lab.lim', :'limit', false), set_config('lab.run', :'run', false);
CREATE TABLE IF NOT EXISTS results (run text, variant text, seq int, rows bigint, secs float8, wal bigint);
DO $$
DECLARE b record; v text; vs text[] := string_to_array(current_setting('lab.variants'), ','); k int; i int; t0 timestamptz; w0 pg_lsn; f text;
BEGIN
  FOR b IN SELECT * FROM batches WHERE seq <= current_setting('lab.lim')::int ORDER BY seq LOOP
    FOR i IN 0 .. array_length(vs, 1) - 1 LOOP
      k := ((i + b.seq) % array_length(vs, 1)) + 1;
      v := vs[k];
      f := current_setting('data_directory') || '/fact_keys_lab/' || CASE WHEN v LIKE 'b%' OR v = 'raw_b' THEN 'b_' ELSE 't_' END || b.batch || '.bin';
      w0 := pg_current_wal_insert_lsn();
      t0 := clock_timestamp();
      EXECUTE format('COPY %I FROM %L (FORMAT binary)', v, f);
      COMMIT;
      INSERT INTO results VALUES (current_setting('lab.run'), v, b.seq, b.n, extract(epoch FROM clock_timestamp() - t0), pg_current_wal_insert_lsn() - w0);
      COMMIT;
    END LOOP;
  END LOOP;
END $$;
SELECT variant, sum(rows) AS rows, round(sum(secs)::numeric, 1) AS secs, round(sum(rows)/sum(secs)) AS rows_s,
       round((sum(wal)/sum(rows))::numeric) AS wal_per_row
FROM results WHERE run = :'run' GROUP BY variant ORDER BY variant;
