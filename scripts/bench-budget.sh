#!/usr/bin/env bash
# Allowance decisions per second and p50/p99 latency of budget-service over loopback, with callers
# that report every lease as dedup and writer do (BudgetAllowanceLoad), next to the service's HTTP
# ceilings. Starts its own Kafka broker and budget-service (GC log: var/log/bench-budget-gc.log).
# Usage: scripts/bench-budget.sh [threads] [seconds] [orgs]
# Never run it next to another script that starts the broker on port 29092.
# BUDGET_JFR=var/log/budget.jfr records a flight recording of budget-service during the run.
# BUDGET_JAVA_OPTS="-XX:+UseZGC -Xlog:gc:file=var/log/budget-gc.log" adds JVM options to budget-service.
# BUDGET_JAR=path runs another build of budget-service (an older one, to compare side by side).
# BENCH_ROWS=single,never,single picks the driver's rows and their order (default: all, see
# BudgetAllowanceLoad). BENCH_WRK=0 leaves out the wrk ceilings.
# BENCH_READINGS=0 leaves out the usage readings (BudgetUsageFeed) that settle expired leases as
# production's do: unreported leases then fill each org's cap within seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
# BENCH_BUILD=0 runs the jars as they are.
if [ "${BENCH_BUILD:-1}" != 0 ]; then
  ./mvnw -B -q package -DskipTests -pl budget-service,benchmarks -am
fi
mkdir -p var/log
export gc_log=var/log/bench-budget-gc.log
# A broker with empty topics of its own, so that every run starts alike: on the shared data
# (var/kafka/data) each run's budget-service first replayed every earlier run's usage readings
# (its consumer group is new per run) and restored their leases, while the rows were measured.
bench=var/bench-budget
rm -rf "$bench" && mkdir -p "$bench"
sed "s#^log.dirs=.*#log.dirs=$bench/kafka-data#" tools/kafka-broker/server.properties \
  > "$bench/kafka-server.properties"
export KAFKA_SERVER_PROPERTIES="$bench/kafka-server.properties"
scripts/kafka-broker.sh start
pids=()
# The services stop (budget-service writes its leases at a clean stop) before the broker does: a
# service stopping without its broker lingers for minutes and would load the next run.
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  scripts/kafka-broker.sh stop
}
trap cleanup EXIT
LEADGATE_SERVICE_TOKEN=bench-service-token BUDGET_PORT=18082 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:29092 \
  LEADGATE_TENANTS_FILE=/nonexistent java -Xmx512m "-Xlog:gc:file=$gc_log" ${BUDGET_JAVA_OPTS:-} \
  ${BUDGET_JFR:+-XX:StartFlightRecording=filename=$BUDGET_JFR,settings=profile,dumponexit=true} \
  -jar "${BUDGET_JAR:-budget-service/target/budget-service-0.1.0-SNAPSHOT-exec.jar}" \
  > var/log/bench-budget.log 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fsS http://127.0.0.1:18082/actuator/health 2>/dev/null | grep -q UP && break
  sleep 1
done
if [ "${BENCH_READINGS:-1}" != 0 ]; then
  java -Xmx128m -Dloader.main=io.leadgate.bench.BudgetUsageFeed \
    -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
    org.springframework.boot.loader.launch.PropertiesLauncher 127.0.0.1:29092 "${3:-50}" \
    > var/log/bench-budget-feed.log 2>&1 &
  pids+=($!)
  echo "usage readings: every 200 ms per org (limit 100,000,000): a reported lease settles at the next, an unreported one once expired"
fi
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1); $(uptime | sed 's/.*load/load/')"
d="${2:-15}"
if [ "${BENCH_WRK:-1}" != 0 ] && command -v wrk >/dev/null; then
  # Ceilings of the same server, before any lease is granted: the same POST without a token (401
  # from the bearer filter, no Spring MVC), and the liveness probe (MVC and actuator, no body).
  # wrk cannot report leases, so it sends no allowances here (see the driver's last row for that).
  row() {
    local label=$1; shift
    wrk "$@" --latency | awk -v label="$label" '
      /Requests\/sec/ { rps = $2 }
      /^ +50%/ { p50 = $2 }
      /^ +99%/ { p99 = $2 }
      END { printf "| %-32s | %10.0f | %9s | %9s |\n", label, rps, p50, p99 }'
  }
  echo
  echo "wrk ceilings (2 threads), ${d}s each"
  echo "| endpoint, connections            | requests/s |       p50 |       p99 |"
  echo "|----------------------------------|------------|-----------|-----------|"
  row "401, no token, 32" -t2 -c32 -d"$d"s -s benchmarks/wrk/unauthenticated.lua \
    http://127.0.0.1:18082
  row "401, no token, 4" -t1 -c4 -d"$d"s -s benchmarks/wrk/unauthenticated.lua \
    http://127.0.0.1:18082
  row "liveness, 4" -t1 -c4 -d"$d"s http://127.0.0.1:18082/actuator/health/liveness
fi
echo
java -Xmx512m -Dloader.main=io.leadgate.bench.BudgetAllowanceLoad \
  -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  http://127.0.0.1:18082 bench-service-token "${1:-16}" "$d" "${3:-50}" ${BENCH_ROWS:+"$BENCH_ROWS"}
echo "load after: $(uptime | sed 's/.*load/load/')"
# Young pauses of budget-service over the whole run (warm-up and every row included).
awk '/Pause Young/ { gsub("ms", "", $NF); print $NF }' "$gc_log" | sort -n | awk '
  function at(q) { i = int(NR * q) + 1; if (i > NR) i = NR; return v[i] }
  { v[NR] = $1; s += $1 }
  END { if (NR) printf "budget-service GC: %d young pauses, p50 %.1f ms, p90 %.1f ms, max %.1f ms, %.0f ms in all (%s)\n", NR, at(0.5), at(0.9), v[NR], s, ENVIRON["gc_log"] }'
