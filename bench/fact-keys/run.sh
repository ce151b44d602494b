#!/usr/bin/env bash
# The fact key lab (docs/benchmarks.md, "Reporting: where the write's time goes"): the same batches COPYed, interleaved
# batch by batch in rotated order, into an unindexed table (the anchor) and into copies of report_daily_facts
# (partitioned by month) with the key in different shapes: text or bigint ids, day or advertiser before the entity.
# Needs a local PostgreSQL and a superuser (server-side COPY of per-batch binary files under the data directory).
# Usage: bench/fact-keys/run.sh [workspaces, default 10]   (PGHOST/PGUSER as for psql; default 127.0.0.1, postgres)
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
W=${1:-10}
DB=tttools_fact_keys_lab
psql -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
run() { psql -d "$DB" -v ON_ERROR_STOP=1 "$@"; }
run -q -f schema.sql > /dev/null
run -v W="$W" -f gen.sql
run -q -f export.sql
run -qc CHECKPOINT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run -v variants=raw_t,raw_b,part_t,t_day,t_adv,b_day,b_adv -v limit=100000 -v run=r1 -f run.sql
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
run -v run=r1 -v round=30 -f report.sql
run -f merge.sql
run -qc "COPY (SELECT 1) TO PROGRAM 'rm -rf fact_keys_lab; cat > /dev/null'"
psql -qc "DROP DATABASE $DB"
