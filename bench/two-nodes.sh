#!/usr/bin/env bash
# Load test on two app nodes (docs/benchmarks.md, "Two nodes under load"): starts the product's jar twice on
# loopback against one PostgreSQL (a fresh database per run), signs up a user, creates an organization, a workspace
# and a personal access token, connects TikTok (5 advertisers, 90 days of reports synced on connect) where both
# nodes call ONE standalone simulator (tiktok-simulator's exec jar on SIM_PORT, its development app), so a token
# issued through node A works for a sync node B runs; then drives the reporting page (session cookie) and the report API (token) with wrk, 64 connections,
# wrk's threads split between node A and node B (bench/two-nodes.lua). Prints p50/p95/p99, requests/s, errors
# (non-2xx and socket errors) and the load average before and after; `GET /api/v1/me` with the same token is the
# anchor the other two are compared with (ratios of requests/s, measured in the same run).
#
#   mvn -q -o -pl tiktok-simulator,app package -DskipTests      # once: app/target/tttools.jar
#   bench/two-nodes.sh                                           # 64 connections, 30 s per target, 3 rounds
#   CONNECTIONS=32 SECONDS_PER_RUN=20 ROUNDS=1 bench/two-nodes.sh
#
# With REDIS_URL set, both nodes share it (TikTok quota, login limits) under a key prefix of this run's own.
# Needs wrk, curl, psql and jq. ADMIN_URL is the server the bench database is created on (default: the local
# PostgreSQL the tests use); the database is dropped at the end unless KEEP=1. Logs go to BENCH_DIR.
set -euo pipefail

JAR=$(realpath "${JAR:-app/target/tttools.jar}")
SIM_JAR=$(realpath "${SIM_JAR:-$(ls tiktok-simulator/target/tiktok-simulator-*-exec.jar | head -1)}")
LUA=$(realpath "$(dirname "$0")/two-nodes.lua")
ADMIN_URL=${ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PORT_A=${PORT_A:-18101}
PORT_B=${PORT_B:-18102}
SIM_PORT=${SIM_PORT:-18100}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
ROUNDS=${ROUNDS:-3}
ADVERTISERS=${ADVERTISERS:-5}   # at most the 5 the simulator lists in /_sim/info
BENCH_DIR=${BENCH_DIR:-/tmp/tttools-two-nodes}
JAVA_OPTS=${JAVA_OPTS:--Xmx768m}
DB=tttools_bench_$$
DB_URL=${ADMIN_URL%/*}/$DB

mkdir -p "$BENCH_DIR"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ ${KEEP:-0} != 1 ]]; then psql -q "$ADMIN_URL" -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }

# One TikTok for both nodes: the standalone simulator (the development app: id 7000000000000000001, any loopback
# redirect URI). Each node's embedded simulator would know only the tokens it issued itself.
SIM=http://127.0.0.1:$SIM_PORT
java -Xmx384m -jar "$SIM_JAR" --port "$SIM_PORT" --seed 42 --scale small >"$BENCH_DIR/simulator.log" 2>&1 &
pids+=($!)
until curl -fs -o /dev/null "$SIM/_sim/info"; do
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "the simulator exited; see $BENCH_DIR/simulator.log" >&2; exit 1; }
  sleep 1
done
echo "simulator ready on port $SIM_PORT"

psql -q "$ADMIN_URL" -c "CREATE DATABASE $DB" >/dev/null
# Both nodes seal TikTok tokens with the same key (as a real deployment's TTTOOLS_ENCRYPTION_KEYS does).
KEY="bench:$(head -c 32 /dev/urandom | base64)"

start_node() {
  local name=$1 port=$2
  DATABASE_URL=$DB_URL SERVER_PORT=$port TTTOOLS_BASE_URL=http://127.0.0.1:$port TTTOOLS_ENCRYPTION_KEYS=$KEY \
    TTTOOLS_DATA_DIR="$BENCH_DIR/$name" TTTOOLS_DEV_MAILBOX_ALL=true \
    TIKTOK_APP_ID=7000000000000000001 TIKTOK_APP_SECRET=simulator-secret \
    TIKTOK_API_BASE_URL=$SIM TIKTOK_AUTH_URL=$SIM/portal/auth \
    REDIS_URL=${REDIS_URL:-} TTTOOLS_REDIS_KEY_PREFIX=bench-$$: \
    java $JAVA_OPTS -jar "$JAR" >"$BENCH_DIR/$name.log" 2>&1 &
  pids+=($!)
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "node $name exited; see $BENCH_DIR/$name.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "node $name ready on port $port"
}

start_node a "$PORT_A"   # migrates the fresh database first
start_node b "$PORT_B"

A=http://127.0.0.1:$PORT_A
JAR_COOKIES=$BENCH_DIR/cookies.txt
rm -f "$JAR_COOKIES"
# JSON API call on node A with the session cookie and the CSRF token the API hands out
api() {
  local method=$1 path=$2 body=${3:-}
  local csrf
  csrf=$(curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$A/api/v1/auth/csrf" | jq -r .token)
  curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -X "$method" -H "Content-Type: application/json" \
    -H "Accept: application/json" -H "X-XSRF-TOKEN: $csrf" ${body:+--data "$body"} "$A$path"
}

EMAIL="bench-$$@example.com"
api POST /api/v1/auth/signup "{\"email\":\"$EMAIL\",\"password\":\"correct horse battery staple 42\",\"name\":\"Bench User\"}" >/dev/null
# The confirmation link goes to the dev mailbox; the bench owns its database and marks the address confirmed.
psql -q "$DB_URL" -c "UPDATE users SET email_verified_at = now() WHERE email = '$EMAIL'" >/dev/null
ORG=$(api POST /api/v1/organizations '{"name":"Bench Org"}' | jq -r .id)
WS=$(api POST "/api/v1/organizations/$ORG/workspaces" \
  '{"name":"Bench workspace","timezone":"Europe/Berlin","currency":"EUR"}' | jq -r .id)
TOKEN=$(api POST /api/v1/me/tokens '{"name":"two-node bench","readOnly":true}' | jq -r .token)
SESSION=$(awk '$6 ~ /SESSION$/ {print $7}' "$JAR_COOKIES" | tail -1)

# Connect the standalone simulator: consent auto-approves the first advertisers, the callback activates the
# connection, and the report backfill (90 days) and the asset sync start on connect.
ADS=$(curl -fs "$SIM/_sim/info" | jq -c ".first_advertiser_ids[:$ADVERTISERS]")
curl -fs -X POST -H "Content-Type: application/json" --data "{\"autoApprove\":true,\"advertiserIds\":$ADS}" \
  "$SIM/_sim/consent" >/dev/null
AUTH=$(api POST "/api/v1/workspaces/$WS/connections/tiktok" | jq -r .authorizationUrl)
CALLBACK=$(curl -fs -o /dev/null -w '%{redirect_url}' "$AUTH")
curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$CALLBACK"
STATUS=$(curl -fs -H "Authorization: Bearer $TOKEN" "$A/api/v1/workspaces/$WS/connections" | jq -r '.items[0].status')
[[ $STATUS == ACTIVE ]] || { echo "the connection is not active ($STATUS); see $BENCH_DIR" >&2; exit 1; }
echo "workspace $WS connected; waiting for the syncs"
synced=0
for _ in $(seq 1 900); do
  jobs_json=$(curl -fs -H "Authorization: Bearer $TOKEN" "$A/api/v1/workspaces/$WS/jobs")
  busy=$(jq '[.items[] | select(.status == "QUEUED" or .status == "RUNNING")] | length' <<<"$jobs_json")
  done_count=$(jq '[.items[] | select(.status == "SUCCEEDED")] | length' <<<"$jobs_json")
  if [[ $busy == 0 && $done_count -ge 2 ]]; then synced=1; break; fi
  if jq -e '[.items[] | select(.status == "FAILED")] | length > 0' <<<"$jobs_json" >/dev/null; then
    jq -r '.items[] | "  job \(.type) \(.status) \(.lastError // "")"' <<<"$jobs_json" >&2
    echo "a sync failed; see $BENCH_DIR/a.log and b.log" >&2
    exit 1
  fi
  sleep 2
done
[[ $synced == 1 ]] || { echo "the syncs did not finish in 30 minutes" >&2; exit 1; }
jq -r '.items[] | "  job \(.type) \(.status)"' <<<"$jobs_json"
ROWS=$(psql -At "$DB_URL" -c "SELECT count(*) FROM report_daily_facts")
echo "report facts rows: $ROWS"

TO=$(date -u -d yesterday +%F)
FROM=$(date -u -d "90 days ago" +%F)
PAGE="/workspaces/$WS/reports?level=CAMPAIGN&preset=last30"
REPORT="/api/v1/workspaces/$WS/reports?level=CAMPAIGN&groupBy=date&from=$FROM&to=$TO"
for port in "$PORT_A" "$PORT_B"; do   # the session and the token work on both nodes
  for check in "$PAGE|Cookie: SESSION=$SESSION" "$REPORT|Authorization: Bearer $TOKEN"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "${check#*|}" "http://127.0.0.1:$port${check%%|*}")
    echo "GET :$port ${check%%|*} -> $code"
    [[ $code == 200 ]] || { echo "not 200: see $BENCH_DIR" >&2; exit 1; }
  done
done

run() {   # name seconds header path
  NODES="http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" \
    wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 60s -H "$3" -H "Accept-Encoding: gzip" \
    -s "$LUA" "http://127.0.0.1:$PORT_A$4"
}

echo "machine: $(nproc) cores, load average before: $(load)"
for round in $(seq 1 "$ROUNDS"); do
  # the anchor: the cheapest authenticated API call, same token, same nodes, same run (docs/benchmarks.md)
  for target in "anchor: /api/v1/me (token)|Authorization: Bearer $TOKEN|/api/v1/me" \
                "reporting page (session)|Cookie: SESSION=$SESSION|$PAGE" \
                "report API, 90 days by date (token)|Authorization: Bearer $TOKEN|$REPORT"; do
    IFS='|' read -r name header path <<<"$target"
    run "$name" "$WARMUP_SECONDS" "$header" "$path" >/dev/null
    echo "== round $round: $name, $CONNECTIONS connections, ${SECONDS_PER_RUN}s, nodes A+B, load before $(load)"
    run "$name" "$SECONDS_PER_RUN" "$header" "$path" | grep -E "Latency|Requests/sec|requests in|Non-2xx|Socket errors|BENCH"
    echo "   load after: $(load)"
  done
done
