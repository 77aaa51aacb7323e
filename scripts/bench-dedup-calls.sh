#!/usr/bin/env bash
# Salesforce calls per lead, Leadgate's batching against a naive one-lead-at-a-time checker, on the
# same data in the same run (counted by the emulator). Usage: scripts/bench-dedup-calls.sh [burst] [trickle]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests -pl benchmarks -am
java -Xmx1g -Dloader.main=io.leadgate.bench.DedupCallsBenchmark \
  -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
  org.springframework.boot.loader.launch.PropertiesLauncher "${1:-10000}" "${2:-200}"
