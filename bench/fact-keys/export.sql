-- one binary COPY file per batch and id type, rows in the writer's order (level, day, entity as generated)
SET search_path = lab;
-- files go under the server's data directory; the directory is made (and removed by run.sh) through the server
COPY (SELECT 1) TO PROGRAM 'mkdir -p fact_keys_lab && cat > /dev/null';
DO $$
DECLARE b record; cols text := 'workspace_id, level, entity_id::%1$s, stat_date, advertiser_id::%1$s, campaign_id::%1$s, adgroup_id::%1$s, entity_name, currency, spend, impressions, clicks, conversions, results, video_views, reach, pulled_at, v2, v6, p25, p50, p75, p100, likes, comments, shares, follows, visits';
BEGIN
  FOR b IN SELECT batch FROM batches ORDER BY seq LOOP
    EXECUTE format('COPY (SELECT ' || format(cols, 'text') || ' FROM src WHERE batch = %s ORDER BY lv, stat_date, ord) TO %L (FORMAT binary)',
                   b.batch, current_setting('data_directory') || '/fact_keys_lab/t_' || b.batch || '.bin');
    EXECUTE format('COPY (SELECT ' || format(cols, 'bigint') || ' FROM src WHERE batch = %s ORDER BY lv, stat_date, ord) TO %L (FORMAT binary)',
                   b.batch, current_setting('data_directory') || '/fact_keys_lab/b_' || b.batch || '.bin');
  END LOOP;
END $$;
