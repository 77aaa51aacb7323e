#!/usr/bin/env bash
# Runs a real Kafka broker (KRaft, combined broker+controller, loopback port 29092) from Kafka's
# own Maven Central artifacts. No Docker. Usage: scripts/kafka-broker.sh [start|stop|run]
#   start  starts it in the background and waits until it accepts connections
#   run    runs it in the foreground
#   stop   stops a broker started with start
set -euo pipefail
cd "$(dirname "$0")/.."
home=var/kafka
lib=$home/lib
# A fixed cluster id makes formatting idempotent (format -g skips an already formatted dir).
cluster_id=TGVhZGdhdGVMb2NhbEthZg
# Another broker configuration (e.g. its own log.dirs) may be given, as the system benchmark does.
config=${KAFKA_SERVER_PROPERTIES:-tools/kafka-broker/server.properties}
# The port is the configuration's; a broker on other ports (capture-service/benchmark/run.sh) keeps
# its own pid and log files (KAFKA_PID_FILE, KAFKA_LOG), so it can run next to the usual one.
port=$(sed -n 's#^listeners=PLAINTEXT://[^:]*:\([0-9]*\).*#\1#p' "$config")
pidfile=${KAFKA_PID_FILE:-$home/pid}
logfile=${KAFKA_LOG:-var/log/kafka.log}
mkdir -p "$home" var/log

if [ ! -f "$lib/.complete" ]; then
  echo "Fetching the Kafka broker from Maven Central into $lib ..."
  ./mvnw -B -q -f tools/kafka-broker/pom.xml dependency:copy-dependencies \
    -DoutputDirectory="$PWD/$lib" -DincludeScope=runtime
  touch "$lib/.complete"
fi

java_opts=(-Xms128m -Xmx256m -Dlog4j2.configurationFile=tools/kafka-broker/log4j2.properties)

format() {
  java "${java_opts[@]}" -cp "$lib/*" kafka.tools.StorageTool format -g -t "$cluster_id" \
    -c "$config" --standalone >/dev/null
}

wait_for_port() {
  for _ in $(seq 1 120); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "Kafka did not open port $port; see $logfile" >&2
  return 1
}

case "${1:-start}" in
  run)
    format
    exec java "${java_opts[@]}" -cp "$lib/*" kafka.Kafka "$config"
    ;;
  start)
    format
    java "${java_opts[@]}" -cp "$lib/*" kafka.Kafka "$config" \
      > "$logfile" 2>&1 &
    echo $! > "$pidfile"
    wait_for_port
    echo "Kafka broker up at 127.0.0.1:$port (pid $(cat "$pidfile"), log $logfile)"
    ;;
  stop)
    if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; rm -f "$pidfile"; fi
    ;;
  *)
    echo "usage: $0 [start|stop|run]" >&2; exit 2 ;;
esac
