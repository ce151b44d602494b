#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md, "Start-up"). Per round it starts, one after the other:
#   - the anchors: `java -version`, and the standalone TikTok simulator (a minimal Spring Boot web app: Tomcat and
#     one servlet, no auto-configuration) until it answers its first HTTP request;
#   - each variant on its kept data directory (made once by an untimed start), then each variant on a fresh one;
# and prints, per variant, min / median / max of the time from launching `java` until the readiness probe answers
# 200, the JVM's CPU time until then (all its threads; and apart, its JIT compiler threads' and its main thread's),
# the JVM's resident memory (RSS) after IDLE_SECONDS idle, and the median of the per-round ratios
# variant ÷ simulator anchor (load hits both alike within a round). The embedded PostgreSQL runs as separate
# processes: their RSS is printed apart and not part of the JVM's. The load average is printed with every start.
#
#   mvn -q -o -DskipTests install                      # once: app/target/tttools.jar and the simulator's jar
#   bench/startup.sh                                   # N=5 rounds, variants "plain cds"
#   VARIANTS=plain N=3 bench/startup.sh
#   BEFORE_JAR=/path/to/older/tttools.jar VARIANTS="before before-cds plain cds" bench/startup.sh
#
# Variants: plain = `java -jar app/target/tttools.jar` (the README's command); cds = bin/tttools (the extracted
# jar with the class-data-sharing archive it trains on first use); before = plain on BEFORE_JAR; before-cds =
# bin/tttools on BEFORE_JAR (BEFORE_TTTOOLS names an older bin/tttools to run it with; default this one's), with
# an archive of its own.
# Runs in a scratch directory (BENCH_DIR, default tttools-startup in the system temporary directory): the data
# directories there hold the embedded clusters and development encryption keys; nothing of the repository is written
# (bin/tttools keeps its extracted jar and archive in TTTOOLS_CDS_DIR, set to a folder of BENCH_DIR here).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-5}
VARIANTS=${VARIANTS:-plain cds}
JAR=$(realpath "${JAR:-$ROOT/app/target/tttools.jar}")
SIM_JAR=${SIM_JAR:-$(compgen -G "$ROOT/tiktok-simulator/target/tiktok-simulator-*-exec.jar" | head -1 || true)}
if [[ ! -f $SIM_JAR ]]; then
  echo "no simulator jar (SIM_JAR): build it first (mvn -q -o -DskipTests install)" >&2
  exit 1
fi
SIM_JAR=$(realpath "$SIM_JAR")
PORT=${PORT:-18089}
SIM_PORT=${SIM_PORT:-$((PORT + 1))}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/tttools-startup}
JAVA_OPTS=${JAVA_OPTS:-}
IDLE_SECONDS=${IDLE_SECONDS:-10}

mkdir -p "$BENCH_DIR"
cd "$BENCH_DIR"

now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }

command_of() {
  case $1 in
    plain) echo "java $JAVA_OPTS -jar $JAR" ;;
    before) echo "java $JAVA_OPTS -jar $(realpath "$BEFORE_JAR")" ;;
    cds) echo "env TTTOOLS_JAR=$JAR TTTOOLS_CDS_DIR=$BENCH_DIR/cds $ROOT/bin/tttools" ;;
    before-cds) echo "env TTTOOLS_JAR=$(realpath "$BEFORE_JAR") TTTOOLS_CDS_DIR=$BENCH_DIR/cds-before ${BEFORE_TTTOOLS:-$ROOT/bin/tttools}" ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}

# CPU seconds (user + system) so far of JVM $1's threads whose name matches the regular expression $2. The JIT
# compilers' threads are "C1 CompilerThread0"… (the kernel keeps 15 characters); with two CPUs the JVM runs one of
# each for its whole life, on more it may end idle ones, whose time is then no longer counted here.
thread_cpu() {
  local pid=$1 pattern=$2 ticks=0 t name
  for t in /proc/"$pid"/task/*; do
    name=$(cat "$t/comm" 2>/dev/null || true)
    [[ $name =~ $pattern ]] || continue
    # the fields after the ")" that closes the thread's name: utime is the 12th, stime the 13th
    ticks=$(( ticks + $(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{ print $12 + $13 } END { if (NR == 0) print 0 }') ))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}

# resident memory in MB of the processes $1.. (0 for those that are gone)
rss_mb() {
  local kb=0 p r
  for p in "$@"; do
    r=$(ps -o rss= -p "$p" 2>/dev/null || true)
    kb=$(( kb + ${r:-0} ))
  done
  echo $(( kb / 1024 ))
}

# one start of variant $1 on data directory $2: prints
# "<seconds to ready> <jvm rss MB> <postgres rss MB> <jvm cpu seconds until ready> <of which JIT> <of which main>"
# (CPU time, user + system, counts the work of the start whatever else runs on the machine; wall time does not.
# The main thread is the launcher's second thread, named "java" like the launcher's first, which only waits.)
one_start() {
  local variant=$1 data_dir=$2 log=$3
  local started pid ready rss pg cpu jit main
  port_free "$PORT"
  started=$(now)
  # shellcheck disable=SC2046
  TTTOOLS_DATA_DIR=$data_dir SERVER_PORT=$PORT JAVA_OPTS=$JAVA_OPTS $(command_of "$variant") >"$log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the application exited; see $log" >&2
      exit 1
    fi
    sleep 0.05
  done
  ready=$(echo "$(now) - $started" | bc)
  # bin/tttools execs java (through env), so $pid is the JVM in every variant
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat" 2>/dev/null || echo 0)
  jit=$(thread_cpu "$pid" '^C[12] CompilerThre')
  main=$(thread_cpu "$pid" '^java$')
  sleep "$IDLE_SECONDS"
  rss=$(rss_mb "$pid")
  # shellcheck disable=SC2046
  pg=$(rss_mb $(pgrep -f "postgres.*-D $data_dir" || true))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  printf '%.2f %d %d %s %s %s\n' "$ready" "$rss" "$pg" "$cpu" "$jit" "$main"
}

# nothing may answer on port $1 before a start: the first answer must come from the process just launched
port_free() {
  if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/" || true) != 000 ]]; then
    echo "port $1 already answers: choose another PORT / SIM_PORT" >&2
    exit 1
  fi
}

# the simulator anchor: seconds from launch to its first HTTP answer (any status)
simulator_start() {
  local started pid ready
  port_free "$SIM_PORT"
  started=$(now)
  java -jar "$SIM_JAR" --port "$SIM_PORT" >"$BENCH_DIR/simulator.log" 2>&1 &
  pid=$!
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SIM_PORT/" || true) != 000 ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "the simulator exited; see $BENCH_DIR/simulator.log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(echo "$(now) - $started" | bc)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  printf '%.2f\n' "$ready"
}

java_version() {
  local started
  started=$(now)
  java -version 2>/dev/null
  printf '%.2f\n' "$(echo "$(now) - $started" | bc)"
}

# min median max of the numbers in column $2 of file $1
stats() {
  cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR]=$1 } END { m=(NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%s %s %s", v[1], m, v[NR] }'
}

# median and spread of the per-round ratios column $2 of file $1 ÷ the simulator anchor of the same round
ratios() {
  paste -d' ' <(cut -d' ' -f"$2" "$1") anchor.txt | awk '{ print $1 / $2 }' | sort -n \
    | awk '{ v[NR]=$1 } END { m=(NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%.1f (%.1f-%.1f)", m, v[1], v[NR] }'
}

echo "STARTUP machine: $(nproc) cores, $(java -version 2>&1 | head -1), variants: $VARIANTS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
: >anchor.txt
: >javaversion.txt
for variant in $VARIANTS; do
  : >"kept-$variant.txt"
  : >"fresh-$variant.txt"
  # the kept directory: made once (untimed; for cds this is also the training run), then reused by every start
  if [[ ! -d kept-$variant/postgres ]]; then
    one_start "$variant" "$BENCH_DIR/kept-$variant" "prepare-$variant.log" >/dev/null
  fi
done
for i in $(seq "$N"); do
  java_version >>javaversion.txt
  simulator_start >>anchor.txt
  echo "STARTUP round $i anchors: java -version $(tail -1 javaversion.txt) s, simulator $(tail -1 anchor.txt) s  load $(load)"
  for variant in $VARIANTS; do
    one_start "$variant" "$BENCH_DIR/kept-$variant" "kept-$variant-$i.log" >>"kept-$variant.txt"
    echo "STARTUP round $i kept  $variant: $(tail -1 "kept-$variant.txt")  (s, JVM MB, PG MB, JVM CPU s, JIT s, main s)  load $(load)"
  done
  for variant in $VARIANTS; do
    rm -rf "fresh-$variant"
    one_start "$variant" "$BENCH_DIR/fresh-$variant" "fresh-$variant-$i.log" >>"fresh-$variant.txt"
    echo "STARTUP round $i fresh $variant: $(tail -1 "fresh-$variant.txt")  (s, JVM MB, PG MB, JVM CPU s, JIT s, main s)  load $(load)"
  done
done

read -r -a a <<<"$(stats anchor.txt 1)"
read -r -a v <<<"$(stats javaversion.txt 1)"
printf 'STARTUP anchors n=%d  simulator min %s median %s max %s s  |  java -version min %s median %s max %s s\n' \
  "$N" "${a[0]}" "${a[1]}" "${a[2]}" "${v[0]}" "${v[1]}" "${v[2]}"
for kind in kept fresh; do
  for variant in $VARIANTS; do
    file=$kind-$variant.txt
    read -r -a t <<<"$(stats "$file" 1)"
    read -r -a r <<<"$(stats "$file" 2)"
    read -r -a p <<<"$(stats "$file" 3)"
    read -r -a c <<<"$(stats "$file" 4)"
    read -r -a j <<<"$(stats "$file" 5)"
    read -r -a m <<<"$(stats "$file" 6)"
    printf 'STARTUP %-5s %-10s n=%d  ready min %s  median %s  max %s s  |  ÷ simulator %s  |  JVM CPU until ready median %s s (JIT %s, main thread %s)  |  JVM RSS idle min %s median %s max %s MB  |  PostgreSQL RSS median %s MB\n' \
      "$kind" "$variant" "$(wc -l <"$file")" "${t[0]}" "${t[1]}" "${t[2]}" "$(ratios "$file" 1)" "${c[1]}" "${j[1]}" "${m[1]}" "${r[0]}" "${r[1]}" "${r[2]}" "${p[1]}"
  done
done
echo "STARTUP done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
