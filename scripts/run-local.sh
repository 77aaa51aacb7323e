#!/usr/bin/env bash
# Starts the whole of Leadgate on this machine with only a JDK: a real Kafka broker process, the
# Salesforce emulator serving the demo org, and the four services. Ctrl-C stops everything.
#
# Optional environment (the defaults give the demo setup; scripts/bench-system.sh uses them):
#   LEADGATE_TENANTS_FILE    teams and orgs (default config/tenants.yml)
#   EMULATOR_SEED            the emulator's seed (default classpath:demo-org.json)
#   KAFKA_SERVER_PROPERTIES  the broker's configuration (see scripts/kafka-broker.sh)
#   SERVICE_HEAP             each service's -Xmx (default 256m; dedup-service 1g: its caches of
#                            recent records and fuzzy candidates hold ~250 MiB, and with 512m
#                            its young generation shrank until G1 took a quarter of its CPU)
#   LEADGATE_JIT             the JIT of the emulator and the four services (default
#                            -XX:TieredStopAtLevel=1, C1 only: on a 2-core machine running seven
#                            JVMs, C2 kept recompiling for minutes after warm-up and cost more
#                            than its faster code saved; docs/benchmarks.md has the A/B; set it
#                            empty for the JVM's default). The broker keeps the default: on C1
#                            its request handling cost more than C2's compiling did.
#   SERVICE_JAVA_OPTS        more JVM options for the four services
#   LEADGATE_PID_DIR         when set, the emulator's and each service's pid go to <dir>/<name>.pid
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var/log

# Demo secrets, unless the environment brings its own.
export LEADGATE_SERVICE_TOKEN=${LEADGATE_SERVICE_TOKEN:-local-service-token}
export DEMO_API_KEY=${DEMO_API_KEY:-demo-api-key}
export DEMO_ADMIN_KEY=${DEMO_ADMIN_KEY:-demo-admin-key}
export DEMO_SALESFORCE_CLIENT_SECRET=${DEMO_SALESFORCE_CLIENT_SECRET:-demo-secret}
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:29092
export LEADGATE_TENANTS_FILE=${LEADGATE_TENANTS_FILE:-$PWD/config/tenants.yml}
export BUDGET_SERVICE_URL=http://127.0.0.1:8082

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building (tests skipped; run them with ./mvnw verify) ..."
  ./mvnw -B -q install -DskipTests
fi

pids=()
stop_all() {
  echo; echo "Stopping Leadgate ..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/kafka-broker.sh stop
}
trap stop_all EXIT INT TERM

scripts/kafka-broker.sh start

read -r -a jit <<< "${LEADGATE_JIT--XX:TieredStopAtLevel=1}"

note_pid() {
  if [ -n "${LEADGATE_PID_DIR:-}" ]; then mkdir -p "$LEADGATE_PID_DIR"; echo "$2" > "$LEADGATE_PID_DIR/$1.pid"; fi
}

java ${jit[@]+"${jit[@]}"} -jar salesforce-emulator/target/salesforce-emulator-0.1.0-SNAPSHOT-exec.jar \
  --port 8090 --seed "${EMULATOR_SEED:-classpath:demo-org.json}" > var/log/emulator.log 2>&1 &
pids+=($!)
note_pid salesforce-emulator $!

read -r -a service_opts <<< "${jit[@]+"${jit[@]}"} ${SERVICE_JAVA_OPTS:-}"
for service in budget-service dedup-service writer-service capture-service; do
  # The Parallel collector, as their Dockerfiles start them: capture-service answers while the
  # client waits; dedup-service keeps large caches, and G1's concurrent marking and write barriers
  # were a quarter of its CPU in the burst (docs/benchmarks.md).
  gc=()
  case "$service" in capture-service|dedup-service) gc=(-XX:+UseParallelGC) ;; esac
  heap=256m
  [ "$service" = dedup-service ] && heap=1g
  java "-Xmx${SERVICE_HEAP:-$heap}" ${gc[@]+"${gc[@]}"} ${service_opts[@]+"${service_opts[@]}"} \
    -jar "$service/target/$service-0.1.0-SNAPSHOT-exec.jar" > "var/log/$service.log" 2>&1 &
  pids+=($!)
  note_pid "$service" $!
done

wait_healthy() {
  local name=$1 url=$2
  for _ in $(seq 1 180); do
    if curl -fsS "$url" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    sleep 1
  done
  echo "$name did not become healthy; see var/log/$name.log" >&2
  return 1
}
for _ in $(seq 1 60); do
  (exec 3<>/dev/tcp/127.0.0.1/8090) 2>/dev/null && break
  sleep 0.5
done
wait_healthy budget-service http://127.0.0.1:8082/actuator/health
wait_healthy dedup-service http://127.0.0.1:8083/actuator/health
wait_healthy writer-service http://127.0.0.1:8084/actuator/health
wait_healthy capture-service http://127.0.0.1:8081/actuator/health

cat <<MSG

Leadgate is up.
  capture-service   http://127.0.0.1:8081   (team API key: $DEMO_API_KEY)
  budget-service    http://127.0.0.1:8082   (admin key: $DEMO_ADMIN_KEY)
  dedup-service     http://127.0.0.1:8083/actuator/health
  writer-service    http://127.0.0.1:8084/actuator/health
  Salesforce (emulated demo org 00D00000000DEMOEA4)  http://127.0.0.1:8090
  Kafka             127.0.0.1:29092
Logs in var/log/. Press Ctrl-C to stop everything.
MSG
wait
