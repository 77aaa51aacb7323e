#!/usr/bin/env bash
# Measures the Salesforce emulator's throughput with the real WSC client in another process.
# Usage: scripts/bench-emulator.sh [threads] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-8}
seconds=${2:-20}
port=18090
./mvnw -B -q package -DskipTests -pl salesforce-emulator,benchmarks -am
mkdir -p var/log
java -Xmx512m -jar salesforce-emulator/target/salesforce-emulator-0.1.0-SNAPSHOT-exec.jar \
  --port "$port" > var/log/bench-emulator.log 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.5; done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java -Xmx512m -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
  --url "http://127.0.0.1:$port" --threads "$threads" --seconds "$seconds" --warmup 5
