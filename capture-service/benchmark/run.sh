#!/usr/bin/env bash
# Load benchmark of capture-service on loopback: captures/s and latency p50/p99 of
# POST /api/v1/leads, side by side in the same run with an empty Spring MVC endpoint (same server,
# auth filter and interceptors, no work) as the ceiling. Real Kafka broker, acks=all.
#
#   capture-service/benchmark/run.sh [seconds per run, default 30] [connections, default 32]
#
# Connections may be a comma-separated list (e.g. 32,64,128): each count gets its own ceiling,
# capture and no-id runs, back to back, so every ratio compares runs made under the same load.
#
# The broker is a separate process (scripts/kafka-broker.sh on ports 29192/29193, a fresh log dir
# each run, its own pid file), as in production: a broker inside the service's JVM would share its
# heap, GC pauses and safepoints, and inflate the service's tail latency. Its own ports keep it
# apart from the other scripts' broker on 29092. KAFKA_BOOTSTRAP_SERVERS=host:port uses a running
# broker instead.
# BENCHMARK_ARGS="--some.property=value ..." passes settings to the service (to try them).
# BENCHMARK_JAVA_OPTS="..." adds JVM options (e.g. -XX:StartFlightRecording=filename=x.jfr).
# BENCHMARK_WARMUP=seconds of captures before the measured runs (default 45).
# BENCHMARK_SKIP_INSTALL=1 builds only capture-service, against the modules already installed in
# the local repository (when other modules are mid-edit in a shared checkout).
#
# Installs wrk (Debian package) when missing. Not a test; prints a table.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30}
connection_counts=${2:-32}
port=${BENCHMARK_PORT:-18081}
here=capture-service/benchmark
out=capture-service/target/benchmark
mkdir -p "$out"

if ! command -v wrk >/dev/null; then
  echo "Installing wrk ..."
  (apt-get install -y wrk >/dev/null 2>&1) || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null)
fi

echo "Building the test classpath ..."
if [ -z "${BENCHMARK_SKIP_INSTALL:-}" ]; then
  ./mvnw -B -q install -DskipTests -pl capture-service -am
fi
./mvnw -B -q -pl capture-service test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$out/classpath" -Dmdep.includeScope=test -Dspotless.check.skip=true

broker_started=
if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  rm -rf "$out/kafka-data"
  sed -e "s#^log.dirs=.*#log.dirs=$out/kafka-data#" -e 's#:29092#:29192#g' -e 's#:29093#:29193#g' \
    tools/kafka-broker/server.properties >"$out/kafka-server.properties"
  broker() {
    KAFKA_SERVER_PROPERTIES="$out/kafka-server.properties" KAFKA_PID_FILE="$out/kafka.pid" \
      KAFKA_LOG="$out/kafka.log" scripts/kafka-broker.sh "$1"
  }
  broker start
  broker_started=1
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:29192
fi

classpath="capture-service/target/test-classes:capture-service/target/classes:$(cat "$out/classpath")"
# -XX:+UseParallelGC as the service's Dockerfile and scripts/run-local.sh start it.
java -Xms512m -Xmx1g -XX:+UseParallelGC ${BENCHMARK_JAVA_OPTS:-} -cp "$classpath" io.leadgate.capture.benchmark.BenchmarkServer "$port" ${BENCHMARK_ARGS:-} \
  >"$out/server.log" 2>&1 &
server=$!
stop_all() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  if [ -n "$broker_started" ]; then
    broker stop
  fi
}
trap stop_all EXIT
for _ in $(seq 1 180); do
  grep -q '^READY' "$out/server.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$out/server.log"; exit 1; }
  sleep 0.5
done
grep '^READY' "$out/server.log" || { echo "server did not start" >&2; exit 1; }

run() { # name path seconds connections [script argument]
  wrk -t1 -c"$4" -d"$3"s --latency -s "$here/capture.lua" \
    "http://127.0.0.1:$port$2" -- "${5:-}" >"$out/$1.txt"
}
first=${connection_counts%%,*}
# The JIT needs most of a minute of captures to finish its work: shorter warm-ups measured the
# first rows at a quarter of their later rate.
warmup=${BENCHMARK_WARMUP:-45}
echo "Warming up ${warmup}s (JIT, Kafka connections) ..."
run warm-empty /api/v1/benchmark/empty 10 "$first"
run warm-capture /api/v1/leads "$warmup" "$first"
run warm-capture-no-id /api/v1/leads 10 "$first" no-id

field() { # file: requests/s p50 p99 errors
  awk '/Requests\/sec/ {rps=$2}
       /^ +50%/ {p50=$2}
       /^ +99%/ {p99=$2}
       /Non-2xx/ {err=$5}
       END {printf "%10s %10s %10s %8s", rps, p50, p99, (err==""?0:err)}' "$1"
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
ratio() { awk -v a="$(rps "$1")" -v b="$(rps "$2")" 'BEGIN {printf "%5.0f%%", (b > 0 ? 100 * a / b : 0)}'; }

printf '\n%-5s %-38s %10s %10s %10s %8s %7s\n' conns endpoint "req/s" p50 p99 non-2xx ceiling
for connections in ${connection_counts//,/ }; do
  echo "Measuring ${duration}s each, $connections connections ..." >&2
  run "empty-c$connections" /api/v1/benchmark/empty "$duration" "$connections"
  run "capture-c$connections" /api/v1/leads "$duration" "$connections"
  run "capture-no-id-c$connections" /api/v1/leads "$duration" "$connections" no-id
  e="$out/empty-c$connections.txt"
  printf '%-5s %-38s %s %7s\n' "$connections" "POST /api/v1/benchmark/empty (ceiling)" "$(field "$e")" "100%"
  printf '%-5s %-38s %s %7s\n' "$connections" "POST /api/v1/leads (captures)" \
    "$(field "$out/capture-c$connections.txt")" "$(ratio "$out/capture-c$connections.txt" "$e")"
  printf '%-5s %-38s %s %7s\n' "$connections" "  same, without captureId" \
    "$(field "$out/capture-no-id-c$connections.txt")" "$(ratio "$out/capture-no-id-c$connections.txt" "$e")"
done
echo
echo "cores: $(nproc); load average now: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t1 -d${duration}s"
echo "raw wrk output in $out/"
