#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md, "Start-up"): starts the product's jar N times on a kept data directory
# and N times on a fresh one, and prints min / median / max of the time from launching `java` until the readiness
# probe answers 200, and the JVM's resident memory (RSS) after 10 s idle once ready. The embedded PostgreSQL runs
# as separate processes: their RSS is printed apart and not part of the JVM's.
#
#   mvn -q -o -pl tiktok-simulator,app package -DskipTests      # once: app/target/tttools.jar
#   bench/startup.sh                     # N=5 runs each, plain `java -jar`
#   MODE=cds bench/startup.sh            # the same from the extracted jar with a CDS archive (trained first)
#   N=3 JAVA_OPTS="-Xmx512m" bench/startup.sh
#
# Runs in a scratch directory (BENCH_DIR, default /tmp/tttools-startup): the data directory there holds the
# embedded cluster and the development encryption key; nothing of the repository is written.
set -euo pipefail

N=${N:-5}
MODE=${MODE:-plain}
JAR=$(realpath "${JAR:-app/target/tttools.jar}")
PORT=${PORT:-18089}
BENCH_DIR=${BENCH_DIR:-/tmp/tttools-startup}
JAVA_OPTS=${JAVA_OPTS:-}
IDLE_SECONDS=${IDLE_SECONDS:-10}

mkdir -p "$BENCH_DIR"
cd "$BENCH_DIR"

launch=(java)
if [[ $MODE == cds ]]; then
  # Spring Boot's documented CDS route: extract the jar, one training run that stops once the context refreshed
  # (-Dspring.context.exit=onRefresh) and writes the archive, then every start maps it.
  if [[ ! -f cds/app.jsa || cds/.source -ot "$JAR" ]]; then
    rm -rf cds
    java -Djarmode=tools -jar "$JAR" extract --destination cds >/dev/null
    TTTOOLS_DATA_DIR="$BENCH_DIR/train-data" SERVER_PORT=$PORT java -XX:ArchiveClassesAtExit=cds/app.jsa \
      -Dspring.context.exit=onRefresh -jar cds/tttools.jar >cds/training.log 2>&1
    touch cds/.source
  fi
  launch+=(-XX:SharedArchiveFile=cds/app.jsa)
  jar_to_run=cds/tttools.jar
else
  jar_to_run=$JAR
fi

now() { date +%s.%N; }

# one start: prints "<seconds to ready> <jvm rss MB> <postgres rss MB>"
one_start() {
  local data_dir=$1 log=$2
  local started pid ready rss pg
  started=$(now)
  # shellcheck disable=SC2086
  TTTOOLS_DATA_DIR=$data_dir SERVER_PORT=$PORT "${launch[@]}" $JAVA_OPTS -jar "$jar_to_run" >"$log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the application exited; see $log" >&2
      exit 1
    fi
    sleep 0.05
  done
  ready=$(echo "$(now) - $started" | bc)
  sleep "$IDLE_SECONDS"
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  pg=$(( $(pgrep -f "postgres.*-D $data_dir" | xargs -r ps -o rss= -p | paste -sd+ - | bc 2>/dev/null || echo 0) / 1024 ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  printf '%.2f %d %d\n' "$ready" "$rss" "$pg"
}

# min median max of column $2 of file $1
stats() {
  cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR]=$1 } END { m=(NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%s %s %s", v[1], m, v[NR] }'
}

summary() {
  local label=$1 file=$2 t r p
  read -r -a t <<<"$(stats "$file" 1)"
  read -r -a r <<<"$(stats "$file" 2)"
  read -r -a p <<<"$(stats "$file" 3)"
  printf 'STARTUP %-5s %-5s n=%d  ready min %s s  median %s s  max %s s  |  JVM RSS idle min %s  median %s  max %s MB  |  PostgreSQL RSS median %s MB\n' \
    "$label" "$MODE" "$(wc -l <"$file")" "${t[0]}" "${t[1]}" "${t[2]}" "${r[0]}" "${r[1]}" "${r[2]}" "${p[1]}"
}

echo "STARTUP machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the kept directory: made once (untimed), then reused by every timed start
kept=$BENCH_DIR/kept-data
if [[ ! -d $kept/postgres ]]; then
  one_start "$kept" "$BENCH_DIR/prepare.log" >/dev/null
fi
: >"$BENCH_DIR/kept.txt"
: >"$BENCH_DIR/fresh.txt"
for i in $(seq "$N"); do
  one_start "$kept" "$BENCH_DIR/kept-$i.log" >>"$BENCH_DIR/kept.txt"
  fresh=$BENCH_DIR/fresh-data
  rm -rf "$fresh"
  one_start "$fresh" "$BENCH_DIR/fresh-$i.log" >>"$BENCH_DIR/fresh.txt"
  echo "STARTUP run $i: kept $(tail -1 "$BENCH_DIR/kept.txt")  fresh $(tail -1 "$BENCH_DIR/fresh.txt")  (s, JVM MB, PG MB)  load $(cut -d' ' -f1 /proc/loadavg)"
done
summary kept "$BENCH_DIR/kept.txt"
summary fresh "$BENCH_DIR/fresh.txt"
