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
    if (exec 3<>/dev/tcp/127.0.0.1/29092) 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "Kafka did not open port 29092; see var/log/kafka.log" >&2
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
      > var/log/kafka.log 2>&1 &
    echo $! > "$home/pid"
    wait_for_port
    echo "Kafka broker up at 127.0.0.1:29092 (pid $(cat "$home/pid"), log var/log/kafka.log)"
    ;;
  stop)
    if [ -f "$home/pid" ]; then kill "$(cat "$home/pid")" 2>/dev/null || true; rm -f "$home/pid"; fi
    ;;
  *)
    echo "usage: $0 [start|stop|run]" >&2; exit 2 ;;
esac
