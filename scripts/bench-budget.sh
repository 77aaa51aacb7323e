#!/usr/bin/env bash
# Allowance decisions per second and p50/p99 latency of budget-service over loopback, next to the
# service's health endpoint as the HTTP ceiling. Starts its own Kafka broker and budget-service.
# Usage: scripts/bench-budget.sh [threads] [seconds] [orgs]
# BUDGET_JFR=var/log/budget.jfr records a flight recording of budget-service during the run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests -pl budget-service,benchmarks -am
mkdir -p var/log
scripts/kafka-broker.sh start
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; scripts/kafka-broker.sh stop; }
trap cleanup EXIT
LEADGATE_SERVICE_TOKEN=bench-service-token BUDGET_PORT=18082 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:29092 \
  LEADGATE_TENANTS_FILE=/nonexistent java -Xmx512m \
  ${BUDGET_JFR:+-XX:StartFlightRecording=filename=$BUDGET_JFR,settings=profile,dumponexit=true} \
  -jar budget-service/target/budget-service-0.1.0-SNAPSHOT-exec.jar > var/log/bench-budget.log 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fsS http://127.0.0.1:18082/actuator/health 2>/dev/null | grep -q UP && break
  sleep 1
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java -Xmx512m -Dloader.main=io.leadgate.bench.BudgetAllowanceLoad \
  -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  http://127.0.0.1:18082 bench-service-token "${1:-16}" "${2:-15}" "${3:-50}"
export BENCH_ORGS="${3:-50}"

if command -v wrk >/dev/null; then
  echo "wrk (a lighter client, 2 threads, 32 connections), same service:"
  # Ceilings of the same server: the same POST without a token (401 from the bearer filter, no
  # Spring MVC), and the liveness probe (MVC and actuator, no JSON body to read).
  wrk -t2 -c32 -d"${2:-15}"s --latency -s benchmarks/wrk/unauthenticated.lua http://127.0.0.1:18082 \
    | grep -E "Requests/sec|^ +50%|^ +99%" | sed 's/^/  401       /'
  wrk -t2 -c32 -d"${2:-15}"s --latency http://127.0.0.1:18082/actuator/health/liveness \
    | grep -E "Requests/sec|^ +50%|^ +99%" | sed 's/^/  liveness  /'
  wrk -t2 -c32 -d"${2:-15}"s --latency -s benchmarks/wrk/allowance.lua http://127.0.0.1:18082 \
    | grep -E "Requests/sec|^ +50%|^ +99%" | sed 's/^/  allowance /'
  echo "  (batch: 10 decisions per request)"
  wrk -t2 -c32 -d"${2:-15}"s --latency -s benchmarks/wrk/allowance-batch.lua http://127.0.0.1:18082 \
    | grep -E "Requests/sec|^ +50%|^ +99%" | sed 's/^/  batch     /'
fi
