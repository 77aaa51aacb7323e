#!/usr/bin/env bash
# Allowance decisions per second and p50/p99 latency of budget-service over loopback, next to the
# service's health endpoint as the HTTP ceiling. Starts its own Kafka broker and budget-service.
# Usage: scripts/bench-budget.sh [threads] [seconds] [orgs]
# BUDGET_JFR=var/log/budget.jfr records a flight recording of budget-service during the run.
# BUDGET_JAVA_OPTS="-XX:+UseZGC -Xlog:gc:file=var/log/budget-gc.log" adds JVM options to budget-service.
# BENCH_READINGS=0 leaves out the usage readings (BudgetUsageFeed) that settle expired leases as
# production's do: every org then fills its cap within seconds and most decisions grant nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests -pl budget-service,benchmarks -am
mkdir -p var/log
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
  LEADGATE_TENANTS_FILE=/nonexistent java -Xmx512m ${BUDGET_JAVA_OPTS:-} \
  ${BUDGET_JFR:+-XX:StartFlightRecording=filename=$BUDGET_JFR,settings=profile,dumponexit=true} \
  -jar budget-service/target/budget-service-0.1.0-SNAPSHOT-exec.jar > var/log/bench-budget.log 2>&1 &
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
  echo "usage readings: every 200 ms per org (limit 100,000,000), settling leases once expired"
fi
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1); $(uptime | sed 's/.*load/load/')"
java -Xmx512m -Dloader.main=io.leadgate.bench.BudgetAllowanceLoad \
  -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  http://127.0.0.1:18082 bench-service-token "${1:-16}" "${2:-15}" "${3:-50}"
export BENCH_ORGS="${3:-50}"

if command -v wrk >/dev/null; then
  d="${2:-15}"
  # One table row from a wrk run: label, decisions per request (0: not an allowance), wrk args.
  row() {
    local label=$1 per=$2; shift 2
    wrk "$@" --latency | awk -v label="$label" -v per="$per" '
      /Requests\/sec/ { rps = $2 }
      /^ +50%/ { p50 = $2 }
      /^ +99%/ { p99 = $2 }
      END {
        dec = per > 0 ? sprintf("%.0f", rps * per) : "-"
        printf "| %-44s | %10.0f | %11s | %9s | %9s |\n", label, rps, dec, p50, p99
      }'
  }
  echo
  echo "wrk (a lighter client, 2 threads), same service, ${d}s each; load before: $(uptime | sed 's/.*load/load/')"
  echo "| endpoint, connections                        | requests/s | decisions/s |       p50 |       p99 |"
  echo "|----------------------------------------------|------------|-------------|-----------|-----------|"
  # Ceilings of the same server: the same POST without a token (401 from the bearer filter, no
  # Spring MVC), and the liveness probe (MVC and actuator, no JSON body to read).
  row "401, no token (ceiling), 32" 0 -t2 -c32 -d"$d"s -s benchmarks/wrk/unauthenticated.lua \
    http://127.0.0.1:18082
  row "liveness, 32" 0 -t2 -c32 -d"$d"s http://127.0.0.1:18082/actuator/health/liveness
  row "allowances, 32" 1 -t2 -c32 -d"$d"s -s benchmarks/wrk/allowance.lua http://127.0.0.1:18082
  # Fewer connections: the rate the service keeps while its p99 stays short (queueing on 2 cores
  # grows p99 with every connection beyond the cores).
  row "allowances, 8" 1 -t2 -c8 -d"$d"s -s benchmarks/wrk/allowance.lua http://127.0.0.1:18082
  row "allowances, 4" 1 -t1 -c4 -d"$d"s -s benchmarks/wrk/allowance.lua http://127.0.0.1:18082
  BENCH_BATCH=10 row "allowances/batch x10, 4" 10 -t1 -c4 -d"$d"s \
    -s benchmarks/wrk/allowance-batch.lua http://127.0.0.1:18082
  BENCH_BATCH=10 row "allowances/batch x10, 32" 10 -t2 -c32 -d"$d"s \
    -s benchmarks/wrk/allowance-batch.lua http://127.0.0.1:18082
  # Larger batches over fewer connections: how a caller with many batches ready would send them.
  BENCH_BATCH=100 row "allowances/batch x100, 8" 100 -t2 -c8 -d"$d"s \
    -s benchmarks/wrk/allowance-batch.lua http://127.0.0.1:18082
  BENCH_BATCH=100 row "allowances/batch x100, 2" 100 -t2 -c2 -d"$d"s \
    -s benchmarks/wrk/allowance-batch.lua http://127.0.0.1:18082
  echo "load after: $(uptime | sed 's/.*load/load/')"
fi
