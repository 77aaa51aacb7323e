#!/usr/bin/env bash
# Leadgate end to end, every part its own process on this machine: the Kafka broker, the Salesforce
# emulator (3 orgs seeded with realistic people) and the four services, started by run-local.sh;
# then trickle (10 leads/s), steady (500 leads/s) and burst (50,000 leads) workloads, the naive
# checker on the same captures, and Kafka's own producer/consumer perf tools on the same broker.
# Stops everything and writes docs/benchmarks.md (the section between its bench-system markers).
#
# Usage: scripts/bench-system.sh [--quick] [--option value]...
#   --quick   a short run for development (smaller workloads); writes var/bench/report-quick.md
#             only, leaving docs/benchmarks.md alone
#   other options go to the driver (io.leadgate.bench.system.SystemBenchmark), e.g.
#   --burst 20000 --steady-rate 300 --steady-seconds 30 --seeded-per-org 1000
# Environment: BENCH_BUILD=1 rebuilds even when the jars look current, BENCH_BUILD=0 never builds;
# SERVICE_HEAP (default 256m) and the other options of run-local.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
driver_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick; shift ;;
    *) driver_args+=("$1"); shift ;;
  esac
done

bench=var/bench
mkdir -p "$bench" var/log
jars=(salesforce-emulator capture-service dedup-service writer-service budget-service benchmarks)

needs_build() {
  [ "${BENCH_BUILD:-}" = "1" ] && return 0
  [ "${BENCH_BUILD:-}" = "0" ] && return 1
  for module in "${jars[@]}" lead-contracts lead-identity salesforce-client service-support; do
    local jar
    jar=$(ls "$module"/target/*.jar 2>/dev/null | head -n 1 || true)
    [ -z "$jar" ] && return 0
    if [ -n "$(find "$module/src/main" "$module/pom.xml" -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
      return 0
    fi
  done
  return 1
}
if needs_build; then
  echo "Building the stack and the driver (tests skipped) ..."
  ./mvnw -B -q install -DskipTests -pl "$(IFS=,; echo "${jars[*]}")" -am
fi

for port in 8081 8082 8083 8084 8090 29092 29093; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "Port $port is in use: stop the running Leadgate (run-local.sh) first." >&2
    exit 1
  fi
done

# Throwaway secrets for the benchmark's teams, unless the environment brings its own.
export BENCH_API_KEY_1=${BENCH_API_KEY_1:-bench-key-1} BENCH_API_KEY_2=${BENCH_API_KEY_2:-bench-key-2}
export BENCH_API_KEY_3=${BENCH_API_KEY_3:-bench-key-3}
export BENCH_ADMIN_KEY_1=${BENCH_ADMIN_KEY_1:-bench-admin-1} BENCH_ADMIN_KEY_2=${BENCH_ADMIN_KEY_2:-bench-admin-2}
export BENCH_ADMIN_KEY_3=${BENCH_ADMIN_KEY_3:-bench-admin-3}
export BENCH_SALESFORCE_CLIENT_SECRET=${BENCH_SALESFORCE_CLIENT_SECRET:-bench-secret}

if [ "$mode" = quick ]; then
  sizes=(--seeded-per-org 500 --warmup 500 --warmup-batch 2000 --trickle-seconds 10
         --steady-seconds 15 --burst 5000 --naive-sample 1000 --kafka-records 200000
         --drain-seconds 120)
  outputs=(--report "$bench/report-quick.md")
else
  sizes=()
  outputs=(--report "$bench/report.md" --out docs/benchmarks.md)
fi

driver() {
  java -Xmx1g -Dlogback.configurationFile=config/bench/driver-logback.xml \
    -Dloader.main=io.leadgate.bench.system.SystemBenchmark \
    -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

# Seed the three orgs before the emulator starts: the services check their org when they start.
driver seed ${sizes[@]+"${sizes[@]}"} ${driver_args[@]+"${driver_args[@]}"} --out "$bench/seed.json"

# A broker of its own with empty topics, so every run starts alike and var/kafka/data is untouched.
rm -rf "$bench/kafka-data" "$bench/pids"

stack=
stop_stack() {
  if [ -n "$stack" ] && kill -0 "$stack" 2>/dev/null; then
    echo "Stopping the stack ..."
    kill -TERM "$stack" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$stack" 2>/dev/null || break; sleep 1; done
  fi
  # Whatever run-local.sh did not stop (it was still starting, or hung): the processes it started.
  for pidfile in "$bench"/pids/*.pid var/kafka/pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  [ -n "$stack" ] && kill -KILL "$stack" 2>/dev/null || true
  stack=
}
trap stop_stack EXIT INT TERM

echo "Starting the stack (log: $bench/stack.log) ..."
SKIP_BUILD=1 \
  LEADGATE_TENANTS_FILE="$PWD/config/bench/tenants.yml" \
  EMULATOR_SEED="$bench/seed.json" \
  KAFKA_SERVER_PROPERTIES=config/bench/kafka-server.properties \
  LEADGATE_PID_DIR="$bench/pids" \
  LEADGATE_CAPTURE_RATELIMIT_CAPACITY=1000000 \
  LEADGATE_CAPTURE_RATELIMIT_PERSECOND=1000000 \
  scripts/run-local.sh > "$bench/stack.log" 2>&1 &
stack=$!
until grep -q 'Leadgate is up' "$bench/stack.log" 2>/dev/null; do
  if ! kill -0 "$stack" 2>/dev/null; then
    echo "The stack did not start; see $bench/stack.log and var/log/" >&2
    cat "$bench/stack.log" >&2
    exit 1
  fi
  sleep 1
done
echo "Stack up."

# Kafka's own perf tools, of the broker's exact version.
kafka_version=$(ls var/kafka/lib/kafka-clients-*.jar | sed -E 's/.*kafka-clients-(.*)\.jar/\1/')
tools="$bench/kafka-tools"
if [ ! -f "$tools/kafka-tools-$kafka_version.jar" ]; then
  mkdir -p "$tools"
  ./mvnw -B -q dependency:copy -Dartifact="org.apache.kafka:kafka-tools:$kafka_version" \
    -DoutputDirectory="$PWD/$tools"
fi

driver run --mode "$mode" --java-version "$(java -version 2>&1 | head -n 1)" \
  --kafka-tools-classpath "var/kafka/lib/*:$tools/*" \
  --pid-dir "$bench/pids" --broker-pid-file var/kafka/pid \
  ${sizes[@]+"${sizes[@]}"} "${outputs[@]}" ${driver_args[@]+"${driver_args[@]}"} 2>&1 \
  | tee "$bench/driver.log"
status=${PIPESTATUS[0]}
stop_stack
exit "$status"
