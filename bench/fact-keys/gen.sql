-- source rows: W workspaces x 3..7 advertisers x entities with flights; batches = (workspace, advertiser, 30-day window)
SET search_path = lab;
SELECT setseed(0.20261129);
CREATE TABLE ws AS SELECT w, gen_random_uuid() AS id FROM generate_series(1, :W) w;
CREATE TABLE adv AS SELECT w, a, (7000000000000000000 + (random() * 499999999999999999)::bigint) AS id,
       (ARRAY['USD','EUR','JPY','BRL'])[1 + (random()*3)::int] AS currency
  FROM ws, generate_series(1, 3 + (random() * 4)::int) a;
-- entities: campaigns ~40, adgroups 3 each, ads 3 each, flights random
CREATE TABLE camp AS SELECT adv.w, adv.a, c, (1700000000000000000 + (random() * 99999999999999999)::bigint) AS id,
       greatest(0, (random() * 200)::int - 60) AS first, 0 AS last FROM adv, generate_series(1, 24 + (random()*32)::int) c;
UPDATE camp SET last = least(179, first + 14 + (random() * 226)::int);
CREATE TABLE ag AS SELECT camp.w, camp.a, camp.id AS campaign_id, g, (1800000000000000000 + (random() * 49999999999999999)::bigint) AS id,
       camp.first, camp.last FROM camp, generate_series(1, 1 + (random()*4)::int) g;
CREATE TABLE ad AS SELECT ag.w, ag.a, ag.campaign_id, ag.id AS adgroup_id, d, (1850000000000000000 + (random() * 49999999999999999)::bigint) AS id,
       least(ag.last, ag.first + (random()*9)::int) AS first, ag.last, random() AS ord FROM ag, generate_series(1, 1 + (random()*5)::int) d;
CREATE TABLE src AS
WITH days AS (SELECT day, (date '2026-05-01' + day) AS stat_date FROM generate_series(0, 179) day),
rows AS (
  SELECT ad.w, ad.a, 4 AS lv, 'AD' AS level, ad.id AS entity_id, days.stat_date, days.day, ad.campaign_id, ad.adgroup_id, 'creative_' || ad.d || '_v2_9x16.mp4' AS entity_name, ad.ord
    FROM ad JOIN days ON days.day BETWEEN ad.first AND ad.last
  UNION ALL
  SELECT ag.w, ag.a, 3, 'ADGROUP', ag.id, days.stat_date, days.day, ag.campaign_id, ag.id, 'Women 25-34 / Spring sale 2026 #' || ag.g || ' / AG 1', random()
    FROM ag JOIN days ON days.day BETWEEN ag.first AND ag.last
  UNION ALL
  SELECT camp.w, camp.a, 2, 'CAMPAIGN', camp.id, days.stat_date, days.day, camp.id, NULL, 'Spring sale 2026 #' || camp.c, random()
    FROM camp JOIN days ON days.day BETWEEN camp.first AND camp.last
  UNION ALL
  SELECT adv.w, adv.a, 1, 'ADVERTISER', adv.id, days.stat_date, days.day, NULL, NULL, 'Advertiser ' || adv.a, 0
    FROM adv CROSS JOIN days)
SELECT (r.w * 1000 + r.a) * 10 + r.day / 30 AS batch, ws.id AS workspace_id, r.level, r.lv, r.ord, r.entity_id, r.stat_date,
       adv.id AS advertiser_id, r.campaign_id, r.adgroup_id, r.entity_name, adv.currency,
       round((random() * 50)::numeric, 2) AS spend, (random()*2000)::bigint AS impressions, (random()*40)::bigint AS clicks,
       (random()*3)::bigint AS conversions, (random()*3)::bigint AS results, (random()*600)::bigint AS video_views,
       (random()*1500)::bigint AS reach, timestamptz '2026-10-29 04:30Z' AS pulled_at,
       (random()*400)::int AS v2, (random()*150)::int AS v6, (random()*200)::int AS p25, (random()*100)::int AS p50,
       (random()*50)::int AS p75, (random()*20)::int AS p100, (random()*20)::int AS likes, (random()*2)::int AS comments,
       (random()*2)::int AS shares, (random()*2)::int AS follows, (random()*5)::int AS visits
FROM rows r JOIN ws ON ws.w = r.w JOIN adv ON adv.w = r.w AND adv.a = r.a;
CREATE INDEX ON src (batch);
CREATE TABLE batches AS SELECT batch, count(*) AS n, row_number() OVER (ORDER BY batch) AS seq FROM src GROUP BY batch;
SELECT count(*) AS batches, sum(n) AS rows, avg(n)::int AS mean, max(n) AS max FROM batches;
